import type { CheckDefinition } from '../../check-definition';
import { formatCount } from '../../format-count';
import { outcomeVerdict } from '../../outcome-verdict';

export const pgRolesSuperusersCheck: CheckDefinition = {
  id: 'pg.roles.superusers',
  title: 'At most one superuser role',
  area: 'hardening',
  severity: 'medium',
  why: 'A superuser bypasses every permission check and can run programs as the server’s OS user, so each extra one is another full-compromise path. Day-to-day work belongs to roles with only the privileges it needs.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const su = h.roles.filter((r) => r.superuser);
      const evidence = { superuserCount: su.length, superusers: su.map((r) => ({ name: r.name, canLogin: r.canLogin })) };
      const names = su.map((r) => `${r.name}${r.canLogin ? '' : ' (nologin)'}`).join(', ');
      if (su.length > 2) return { status: 'fail', summary: `${formatCount(su.length, 'superuser')}: ${names}`, evidence };
      if (su.length === 2) return { status: 'warn', summary: `2 superusers: ${names}`, evidence };
      return { status: 'pass', summary: su.length === 1 ? `one superuser: ${names}` : 'no superuser role visible', evidence };
    }),
  remediation: `List them:
  SELECT rolname, rolcanlogin FROM pg_roles WHERE rolsuper;

Give each person or application a role with just what it needs, then take superuser away:
  CREATE ROLE app_admin LOGIN CREATEDB;
  GRANT pg_monitor, pg_signal_backend TO app_admin;
  ALTER ROLE extra_admin NOSUPERUSER;
  -- or, when the role is no longer needed: REASSIGN OWNED BY extra_admin TO postgres; DROP OWNED BY extra_admin; DROP ROLE extra_admin;`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '4.2' },
    { framework: 'PCI-DSS', control: '7.2.2' },
    { framework: 'SOC 2', control: 'CC6.3' },
  ],
};
