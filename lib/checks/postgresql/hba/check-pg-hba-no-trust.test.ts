import { pgHbaNoTrustCheck as check } from './check-pg-hba-no-trust';
import { hbaDenied, healthyObservations, probeFailed, probeSkipped, withHba } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'hardened rules', obs: healthyObservations(), status: 'pass', summary: /^no trust method in 4 pg_hba\.conf rules$/ },
  {
    name: 'trust on a TCP line',
    obs: withHba('local all postgres peer', 'host all all 127.0.0.1/32 trust'),
    status: 'fail',
    summary: /^TCP logins without a password: line 2: host all all 127\.0\.0\.1\/32 trust$/,
    evidence: { trustLines: ['line 2: host all all 127.0.0.1/32 trust'] },
  },
  { name: 'trust on a local line only', obs: withHba('local all all trust', 'hostssl all all 10.0.0.0/8 scram-sha-256'), status: 'warn', summary: /local socket logins/ },
  { name: 'pg_hba_file_rules not readable', obs: hbaDenied(), status: 'error', summary: /GRANT SELECT ON pg_catalog\.pg_hba_file_rules/, evidence: { hbaReadable: false } },
  { name: 'no login (no TLS)', obs: probeSkipped(), status: 'skip' },
  { name: 'probe error', obs: probeFailed(), status: 'error', summary: /timeout/ },
]);
