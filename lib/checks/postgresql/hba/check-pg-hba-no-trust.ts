import type { CheckDefinition } from '../../check-definition';
import { hbaLine, isHostRule } from './pg-hba-rule';
import { pgHbaVerdict } from './pg-hba-verdict';

export const pgHbaNoTrustCheck: CheckDefinition = {
  id: 'pg.hba.no_trust',
  title: 'No pg_hba.conf line trusts connections without a password',
  area: 'hardening',
  severity: 'critical',
  why: 'A trust line lets anyone who can reach the port log in as any role it names, superusers included, with no password at all. On a TCP line that is everyone on the network path; on a local line it is every OS user on the host.',
  evaluate: (obs) =>
    pgHbaVerdict(obs, (rules) => {
      const trust = rules.filter((r) => r.method === 'trust');
      const host = trust.filter(isHostRule);
      const evidence = { rulesRead: rules.length, trustLines: trust.map(hbaLine) };
      if (host.length > 0) return { status: 'fail', summary: `TCP logins without a password: ${host.map(hbaLine).join('; ')}`, evidence };
      if (trust.length > 0) return { status: 'warn', summary: `local socket logins without a password: ${trust.map(hbaLine).join('; ')}`, evidence };
      return { status: 'pass', summary: `no trust method in ${rules.length} pg_hba.conf rules`, evidence };
    }),
  remediation: `Replace trust with scram-sha-256 on every TCP line, and with peer on local lines, in pg_hba.conf:
  local    all  postgres                peer
  hostssl  all  all       10.0.0.0/8    scram-sha-256

Give the roles that relied on trust a password first (as a superuser, in psql):
  \\password app_user

Then reload and confirm no trust line is left:
  SELECT pg_reload_conf();
  SELECT line_number, type, user_name, address FROM pg_hba_file_rules WHERE auth_method = 'trust';`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '5.1' },
    { framework: 'CIS PostgreSQL', control: '5.2' },
    { framework: 'PCI-DSS', control: '8.3.1' },
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
