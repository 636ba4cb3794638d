import { pgRolesProbeLeastPrivilegeCheck as check } from './check-pg-roles-probe-least-privilege';
import { healthyObservations, probeSkipped, withHardening } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { pgRole } from '../../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'pg_monitor and pg_read_all_settings only', obs: healthyObservations(), status: 'pass', summary: /^posture_probe is not a superuser/ },
  { name: 'probe is a superuser', obs: withHardening({ roles: [pgRole('posture_probe', { superuser: true })] }), status: 'fail', summary: /is a superuser/ },
  { name: 'probe can write data', obs: withHardening({ roles: [pgRole('posture_probe', { memberOf: ['pg_monitor', 'pg_write_all_data'] })] }), status: 'fail', summary: /pg_write_all_data/, evidence: { excessRoles: ['pg_write_all_data'] } },
  { name: 'probe has CREATEROLE', obs: withHardening({ roles: [pgRole('posture_probe', { createRole: true })] }), status: 'fail', summary: /CREATEROLE/ },
  { name: 'probe role not listed', obs: withHardening({ roles: [] }), status: 'error' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
