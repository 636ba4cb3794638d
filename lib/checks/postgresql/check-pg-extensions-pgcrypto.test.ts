import { pgExtensionsPgcryptoCheck as check } from './check-pg-extensions-pgcrypto';
import { healthyObservations, probeSkipped, withHardening, withTags } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'installed', obs: healthyObservations(), status: 'pass', summary: /^pgcrypto 1\.3 installed in app/ },
  { name: 'available, not installed', obs: withHardening({ extensions: [] }), status: 'fail', summary: /available but not installed/, evidence: { installed: false, available: true } },
  { name: 'not shipped', obs: withHardening({ extensions: [], pgcryptoAvailable: false }), status: 'fail', summary: /not even shipped/ },
  { name: 'encryption not required: skipped', obs: withTags(withHardening({ extensions: [] }), []), status: 'skip', summary: /encryption:required/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
