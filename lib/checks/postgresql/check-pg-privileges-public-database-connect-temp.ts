import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const pgPrivilegesPublicDatabaseConnectTempCheck: CheckDefinition = {
  id: 'pg.privileges.public_database_connect_temp',
  title: 'PUBLIC has no CONNECT or TEMPORARY on databases',
  area: 'hardening',
  severity: 'medium',
  why: 'By default every role may connect to every database and create temporary tables in it, so a role made for one application can browse the catalogs of all the others. Granting CONNECT per role keeps each login inside its own database.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const open = h.databases.filter((d) => d.publicConnect || d.publicTemp);
      const what = (d: (typeof open)[number]) => `${d.name} (${[d.publicConnect && 'CONNECT', d.publicTemp && 'TEMPORARY'].filter(Boolean).join(', ')})`;
      const evidence = { databases: h.databases, openToPublic: open.map((d) => d.name) };
      if (open.length > 0) return { status: 'fail', summary: `PUBLIC may use: ${open.map(what).join('; ')}`, evidence };
      return { status: 'pass', summary: `PUBLIC has no CONNECT or TEMPORARY on ${h.databases.length} databases`, evidence };
    }),
  remediation: `For each database, revoke the defaults and grant CONNECT by name (keep Posture's probe role):
  REVOKE CONNECT, TEMPORARY ON DATABASE app FROM PUBLIC;
  GRANT CONNECT ON DATABASE app TO app_user, posture_probe;

Check: SELECT datname, datacl FROM pg_database;`,
  compliance: [
    { framework: 'PCI-DSS', control: '7.2.2' },
    { framework: 'SOC 2', control: 'CC6.3' },
  ],
};
