import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

/** Extensions that reach outside the database, and how. */
const risky: Record<string, string> = {
  adminpack: 'writes, renames and deletes files on the server',
  file_fdw: 'reads server files and program output as tables',
  dblink: 'opens connections from the server to any host',
};

export const pgExtensionsRiskyCheck: CheckDefinition = {
  id: 'pg.extensions.risky',
  title: 'No extension that reaches outside the database is usable by ordinary roles',
  area: 'hardening',
  severity: 'high',
  why: 'adminpack writes server files, file_fdw reads them, and dblink connects from the server to other hosts, where it may be trusted in ways the caller is not. Installed and granted to PUBLIC or ordinary roles, they hand those abilities to every such login.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const found = h.extensions.filter((e) => e.name in risky).map((e) => ({ name: e.name, version: e.version, risk: risky[e.name] ?? '', usableBy: e.nonSuperuserGrantees }));
      const usable = found.filter((e) => e.usableBy.length > 0);
      const evidence = { database: h.database, installed: h.extensions.map((e) => e.name), risky: found };
      if (usable.length > 0) return { status: 'fail', summary: usable.map((e) => `${e.name} usable by ${e.usableBy.join(', ')} (${e.risk})`).join('; '), evidence };
      if (found.length > 0) return { status: 'warn', summary: `installed, superusers only: ${found.map((e) => e.name).join(', ')}`, evidence };
      return { status: 'pass', summary: `none of ${Object.keys(risky).join(', ')} is installed in ${h.database}`, evidence };
    }),
  remediation: `Drop what nothing uses (in each database):
  DROP EXTENSION IF EXISTS adminpack;
  DROP EXTENSION IF EXISTS dblink;

Where one is needed, keep it to the role that needs it:
  REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;  -- dblink's functions live where it was installed
  GRANT EXECUTE ON FUNCTION dblink_connect(text, text) TO etl_user;
  REVOKE USAGE ON FOREIGN DATA WRAPPER file_fdw FROM app_user;

Prefer postgres_fdw with user mappings over dblink.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '4.3' },
    { framework: 'PCI-DSS', control: '2.2.6' },
    { framework: 'SOC 2', control: 'CC6.8' },
  ],
};
