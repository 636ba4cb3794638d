import { pgExtensionsUntrustedLanguagesCheck as check } from './check-pg-extensions-untrusted-languages';
import { healthyObservations, probeSkipped, withHardening } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'plpgsql only', obs: healthyObservations(), status: 'pass', summary: /only trusted languages in app: plpgsql/ },
  {
    name: 'plperlu and plpython3u',
    obs: withHardening({ languages: [{ name: 'plperl', trusted: true }, { name: 'plperlu', trusted: false }, { name: 'plpgsql', trusted: true }, { name: 'plpython3u', trusted: false }] }),
    status: 'fail',
    summary: /^untrusted languages in app: plperlu, plpython3u$/,
    evidence: { untrusted: ['plperlu', 'plpython3u'] },
  },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
