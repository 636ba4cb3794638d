import type { CheckDefinition } from '../../check-definition';
import { outcomeVerdict } from '../../outcome-verdict';

/** Predefined roles that can change data or reach the OS; the probe needs none of them. */
const writeRoles = ['pg_write_all_data', 'pg_execute_server_program', 'pg_write_server_files', 'pg_read_server_files', 'pg_read_all_data', 'pg_signal_backend', 'pg_checkpoint', 'pg_maintain', 'pg_create_subscription'];

export const pgRolesProbeLeastPrivilegeCheck: CheckDefinition = {
  id: 'pg.roles.probe_least_privilege',
  title: 'Posture’s own probe role is least-privileged',
  area: 'hardening',
  severity: 'medium',
  why: 'Posture stores this role’s password to scan on a schedule, so the role should only be able to read settings and statistics. A superuser or data-writing probe role would make Posture itself a path to the data.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const me = h.roles.find((r) => r.name === h.probeRole);
      if (!me) return { status: 'error', summary: `the probe role ${h.probeRole} is not in pg_roles`, evidence: { probeRole: h.probeRole } };
      const attrs = [me.createRole && 'CREATEROLE', me.createDb && 'CREATEDB', me.replication && 'REPLICATION', me.bypassRls && 'BYPASSRLS'].filter((a): a is string => typeof a === 'string');
      const excess = me.memberOf.filter((m) => writeRoles.includes(m));
      const evidence = { probeRole: me.name, superuser: me.superuser, attributes: attrs, memberOf: me.memberOf, excessRoles: excess };
      if (me.superuser) return { status: 'fail', summary: `${me.name} is a superuser; Posture needs only pg_monitor and pg_read_all_settings`, evidence };
      if (excess.length > 0 || attrs.length > 0) return { status: 'fail', summary: `${me.name} holds more than it reads with: ${[...attrs, ...excess].join(', ')}`, evidence };
      return { status: 'pass', summary: `${me.name} is not a superuser and holds no writing privileges (member of ${me.memberOf.join(', ') || 'nothing'})`, evidence };
    }),
  remediation: `Create a dedicated read-only role for Posture and use it in the inventory:
  CREATE ROLE posture_probe LOGIN PASSWORD '<openssl rand -base64 32>';
  GRANT pg_monitor, pg_read_all_settings TO posture_probe;
  GRANT SELECT ON pg_catalog.pg_hba_file_rules TO posture_probe;
  GRANT EXECUTE ON FUNCTION pg_catalog.pg_hba_file_rules() TO posture_probe;

If the current role has more, take it away:
  ALTER ROLE posture_probe NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS;
  REVOKE pg_write_all_data, pg_read_all_data FROM posture_probe;`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '4.7' },
    { framework: 'PCI-DSS', control: '7.2.2' },
    { framework: 'SOC 2', control: 'CC6.3' },
  ],
};
