import { pgHbaNoWideSuperuserCheck as check } from './check-pg-hba-no-wide-superuser';
import { hbaDenied, healthyObservations, probeSkipped, withHba } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'named networks only', obs: healthyObservations(), status: 'pass' },
  { name: 'all users from anywhere (IPv4)', obs: withHba('hostssl all all 0.0.0.0/0 scram-sha-256'), status: 'fail', summary: /line 1: hostssl all all 0\.0\.0\.0\/0 scram-sha-256/ },
  { name: 'superuser by name from anywhere (IPv6)', obs: withHba('hostssl all postgres ::/0 scram-sha-256'), status: 'fail', evidence: { wideOpenLines: ['line 1: hostssl all postgres ::/0 scram-sha-256'] } },
  { name: 'the all address keyword', obs: withHba('hostssl all all all scram-sha-256'), status: 'fail' },
  {
    name: 'a named non-superuser from anywhere passes, and is listed',
    obs: withHba('hostssl app app 0.0.0.0/0 scram-sha-256'),
    status: 'pass',
    evidence: { otherAnyAddressLines: ['line 1: hostssl app app 0.0.0.0/0 scram-sha-256'] },
  },
  { name: 'a wide reject line is the fix, not a problem', obs: withHba('host all all 0.0.0.0/0 reject'), status: 'pass' },
  { name: 'not readable', obs: hbaDenied(), status: 'error' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
