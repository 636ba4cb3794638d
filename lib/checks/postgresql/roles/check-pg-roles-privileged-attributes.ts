import type { CheckDefinition } from '../../check-definition';
import { outcomeVerdict } from '../../outcome-verdict';

const attributes = [
  ['createRole', 'CREATEROLE'],
  ['bypassRls', 'BYPASSRLS'],
  ['replication', 'REPLICATION'],
  ['createDb', 'CREATEDB'],
] as const;

export const pgRolesPrivilegedAttributesCheck: CheckDefinition = {
  id: 'pg.roles.privileged_attributes',
  title: 'Login roles hold no administrative attributes they do not need',
  area: 'hardening',
  severity: 'medium',
  why: 'CREATEROLE can create and grant roles, BYPASSRLS ignores every row-level policy, and REPLICATION can stream a copy of all data. On an everyday login role each turns a leaked password into far more than the application needs.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const flagged = h.roles
        .filter((r) => r.canLogin && !r.superuser)
        .map((r) => ({ role: r.name, attributes: attributes.filter(([k]) => r[k]).map(([, label]) => label) }))
        .filter((x) => x.attributes.length > 0);
      const evidence = { flagged };
      if (flagged.length > 0) return { status: 'warn', summary: flagged.map((x) => `${x.role}: ${x.attributes.join(', ')}`).join('; '), evidence };
      return { status: 'pass', summary: 'no non-superuser login role has CREATEROLE, BYPASSRLS, REPLICATION or CREATEDB', evidence };
    }),
  remediation: `Review the flagged roles:
  SELECT rolname, rolcreaterole, rolbypassrls, rolreplication, rolcreatedb FROM pg_roles WHERE rolcanlogin AND NOT rolsuper;

Remove what the application does not need:
  ALTER ROLE app_user NOCREATEROLE NOBYPASSRLS NOREPLICATION NOCREATEDB;

Keep REPLICATION for a dedicated replication role only, admitted in pg_hba.conf for the replication database from the standbys.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '4.2' },
    { framework: 'PCI-DSS', control: '7.2.2' },
    { framework: 'SOC 2', control: 'CC6.3' },
  ],
};
