import { pgRolesServerFileAccessCheck as check } from './check-pg-roles-server-file-access';
import { healthyObservations, probeSkipped, withHardening } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { pgRole } from '../../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'nobody', obs: healthyObservations(), status: 'pass' },
  { name: 'COPY PROGRAM for etl', obs: withHardening({ roles: [pgRole('etl', { memberOf: ['loaders', 'pg_execute_server_program'] })] }), status: 'fail', summary: /etl \(pg_execute_server_program\)/ },
  { name: 'read only', obs: withHardening({ roles: [pgRole('importer', { memberOf: ['pg_read_server_files'] })] }), status: 'warn', summary: /may read server files: importer/ },
  { name: 'superusers are not judged', obs: withHardening({ roles: [pgRole('postgres', { superuser: true, memberOf: ['pg_write_server_files'] })] }), status: 'pass' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
