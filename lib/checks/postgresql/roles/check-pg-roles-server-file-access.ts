import type { CheckDefinition } from '../../check-definition';
import { outcomeVerdict } from '../../outcome-verdict';

const dangerous = ['pg_execute_server_program', 'pg_write_server_files'];
const readFiles = 'pg_read_server_files';

export const pgRolesServerFileAccessCheck: CheckDefinition = {
  id: 'pg.roles.server_file_access',
  title: 'No ordinary role may run programs or touch files on the server',
  area: 'hardening',
  severity: 'high',
  why: 'Members of pg_execute_server_program run shell commands as the database’s OS user (COPY … PROGRAM), and pg_write_server_files and pg_read_server_files read or overwrite any file that user can, including the data directory and keys. That is superuser power by another name.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const members = h.roles
        .filter((r) => !r.superuser)
        .map((r) => ({ role: r.name, roles: r.memberOf.filter((m) => dangerous.includes(m) || m === readFiles) }))
        .filter((x) => x.roles.length > 0);
      const evidence = { members };
      const write = members.filter((x) => x.roles.some((m) => dangerous.includes(m)));
      const line = (xs: typeof members) => xs.map((x) => `${x.role} (${x.roles.join(', ')})`).join('; ');
      if (write.length > 0) return { status: 'fail', summary: `may run programs or write server files: ${line(write)}`, evidence };
      if (members.length > 0) return { status: 'warn', summary: `may read server files: ${line(members)}`, evidence };
      return { status: 'pass', summary: 'no non-superuser role is in pg_execute_server_program, pg_write_server_files or pg_read_server_files', evidence };
    }),
  remediation: `See who holds them (directly or through another role):
  SELECT r.rolname, g.rolname AS via FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid
  WHERE g.rolname IN ('pg_execute_server_program', 'pg_write_server_files', 'pg_read_server_files');

Revoke them:
  REVOKE pg_execute_server_program, pg_write_server_files, pg_read_server_files FROM etl_user;

Load files from the client side instead (psql \\copy, or COPY … FROM STDIN).`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '4.7' },
    { framework: 'PCI-DSS', control: '7.2.2' },
    { framework: 'SOC 2', control: 'CC6.3' },
  ],
};
