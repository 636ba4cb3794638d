import { pgHbaNoMd5PasswordCheck as check } from './check-pg-hba-no-md5-password';
import { hbaDenied, healthyObservations, probeSkipped, withHba } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'scram everywhere', obs: healthyObservations(), status: 'pass' },
  {
    name: 'md5 and password lines',
    obs: withHba('hostssl all all 10.0.0.0/8 md5', 'hostssl all app 10.1.0.0/16 password', 'hostssl all all 10.2.0.0/16 scram-sha-256'),
    status: 'fail',
    evidence: { weakLines: ['line 1: hostssl all all 10.0.0.0/8 md5', 'line 2: hostssl all app 10.1.0.0/16 password'] },
  },
  { name: 'md5 on a local line counts too', obs: withHba('local all all md5'), status: 'fail' },
  { name: 'cert and reject are fine', obs: withHba('hostssl all all 10.0.0.0/8 cert', 'host all all 0.0.0.0/0 reject'), status: 'pass' },
  { name: 'not readable', obs: hbaDenied(), status: 'error' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
