import type { CheckDefinition } from '../../check-definition';
import { hbaLine, hbaReach } from './pg-hba-rule';
import { pgHbaVerdict } from './pg-hba-verdict';

export const pgHbaHostsslOnlyCheck: CheckDefinition = {
  id: 'pg.hba.hostssl_only',
  title: 'pg_hba.conf admits TCP logins only over TLS (hostssl)',
  area: 'hardening',
  severity: 'high',
  why: 'A host line matches connections with and without TLS, and hostnossl only without, so one client that forgets sslmode=require logs in and queries in clear text. hostssl lines make TLS the only way in, whatever the client asks for.',
  evaluate: (obs) =>
    pgHbaVerdict(obs, (rules) => {
      const plain = rules.filter((r) => (r.type === 'host' || r.type === 'hostnossl') && r.method !== 'reject');
      const remote = plain.filter((r) => hbaReach(r) !== 'loopback');
      const evidence = { rulesRead: rules.length, plaintextLines: plain.map(hbaLine) };
      if (remote.length > 0) return { status: 'fail', summary: `TCP lines that accept non-TLS connections: ${remote.map(hbaLine).join('; ')}`, evidence };
      if (plain.length > 0) return { status: 'warn', summary: `non-TLS logins accepted on loopback only: ${plain.map(hbaLine).join('; ')}`, evidence };
      return { status: 'pass', summary: 'every accepting TCP line is hostssl', evidence };
    }),
  remediation: `Turn every accepting host line into hostssl, and reject the rest explicitly, in pg_hba.conf:
  hostnossl  all  all  0.0.0.0/0   reject
  hostnossl  all  all  ::/0        reject
  hostssl    all  all  10.0.0.0/8  scram-sha-256

Reload, then confirm:
  SELECT pg_reload_conf();
  SELECT line_number, type, address, auth_method FROM pg_hba_file_rules WHERE type IN ('host', 'hostnossl') AND auth_method <> 'reject';`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '5.2' },
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
  ],
};
