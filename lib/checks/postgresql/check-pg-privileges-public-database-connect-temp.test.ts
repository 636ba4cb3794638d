import { pgPrivilegesPublicDatabaseConnectTempCheck as check } from './check-pg-privileges-public-database-connect-temp';
import { healthyObservations, probeSkipped, withHardening } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'revoked everywhere', obs: healthyObservations(), status: 'pass', summary: /on 2 databases/ },
  {
    name: 'defaults left in place',
    obs: withHardening({ databases: [{ name: 'app', publicConnect: true, publicTemp: true }, { name: 'reports', publicConnect: false, publicTemp: true }] }),
    status: 'fail',
    summary: /^PUBLIC may use: app \(CONNECT, TEMPORARY\); reports \(TEMPORARY\)$/,
    evidence: { openToPublic: ['app', 'reports'] },
  },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
