import type { CheckDefinition } from '../../check-definition';
import { hbaAdmitsRole, hbaLine, hbaReach } from './pg-hba-rule';
import { pgHbaVerdict } from './pg-hba-verdict';

export const pgHbaNoWideSuperuserCheck: CheckDefinition = {
  id: 'pg.hba.no_wide_superuser',
  title: 'No pg_hba.conf line opens all users or a superuser to any address',
  area: 'hardening',
  severity: 'high',
  why: 'A line for 0.0.0.0/0 or ::/0 that admits all users or a superuser leaves only the password between the internet (or the whole network) and full control. Narrow address ranges per role limit who can even try.',
  evaluate: (obs) =>
    pgHbaVerdict(obs, (rules, h) => {
      const superusers = h.roles.filter((r) => r.superuser);
      const wide = rules.filter((r) => r.method !== 'reject' && hbaReach(r) === 'any');
      const bad = wide.filter((r) => r.users.includes('all') || superusers.some((s) => hbaAdmitsRole(r, s)));
      const evidence = { rulesRead: rules.length, superusers: superusers.map((s) => s.name), wideOpenLines: bad.map(hbaLine), otherAnyAddressLines: wide.filter((r) => !bad.includes(r)).map(hbaLine) };
      if (bad.length > 0) return { status: 'fail', summary: `open to any address for all users or a superuser: ${bad.map(hbaLine).join('; ')}`, evidence };
      return { status: 'pass', summary: `no any-address line admits all users or a superuser (${wide.length} any-address lines for named roles)`, evidence };
    }),
  remediation: `Name the roles and the client network on each line instead of all and 0.0.0.0/0 in pg_hba.conf:
  hostssl  app  app_user  10.20.0.0/16     scram-sha-256
  hostssl  all  postgres  10.0.5.10/32     scram-sha-256

Keep a final reject so nothing else gets through:
  host     all  all       0.0.0.0/0        reject
  host     all  all       ::/0             reject

Reload: SELECT pg_reload_conf();`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '5.2' },
    { framework: 'PCI-DSS', control: '1.3.1' },
    { framework: 'SOC 2', control: 'CC6.6' },
  ],
};
