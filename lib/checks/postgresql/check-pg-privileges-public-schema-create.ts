import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const pgPrivilegesPublicSchemaCreateCheck: CheckDefinition = {
  id: 'pg.privileges.public_schema_create',
  title: 'PUBLIC cannot create objects in the public schema',
  area: 'hardening',
  severity: 'high',
  why: 'When every role may create objects in public, any login can plant a function or operator that shadows a built-in one, and another role’s queries, a superuser’s included, run it (CVE-2018-1058). PostgreSQL 15 and later revoke this by default; upgraded or hand-granted databases may still allow it.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const s = h.publicSchema;
      if (s === null) return { status: 'pass', summary: `database ${h.database} has no public schema`, evidence: { database: h.database, publicSchema: null } };
      const evidence = { database: h.database, owner: s.owner, publicCreate: s.publicCreate, publicUsage: s.publicUsage };
      if (s.publicCreate) return { status: 'fail', summary: `PUBLIC has CREATE on schema public in ${h.database} (owner ${s.owner})`, evidence };
      return { status: 'pass', summary: `PUBLIC has no CREATE on schema public in ${h.database}`, evidence };
    }),
  remediation: `In every database (connect to each in turn):
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;

Give creation back only to the roles that own the application's objects:
  GRANT CREATE ON SCHEMA public TO app_owner;

Check: SELECT has_schema_privilege('public', 'public', 'CREATE');  -- run as a role with no grants`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '4.8' },
    { framework: 'PCI-DSS', control: '7.2.2' },
    { framework: 'SOC 2', control: 'CC6.3' },
  ],
};
