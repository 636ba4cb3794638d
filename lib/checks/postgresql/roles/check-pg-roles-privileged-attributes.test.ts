import { pgRolesPrivilegedAttributesCheck as check } from './check-pg-roles-privileged-attributes';
import { healthyObservations, probeSkipped, withHardening } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { pgRole } from '../../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'only the superuser holds them', obs: healthyObservations(), status: 'pass' },
  {
    name: 'an application role with CREATEROLE and BYPASSRLS',
    obs: withHardening({ roles: [pgRole('app', { createRole: true, bypassRls: true }), pgRole('repl', { replication: true })] }),
    status: 'warn',
    summary: /^app: CREATEROLE, BYPASSRLS; repl: REPLICATION$/,
  },
  { name: 'a NOLOGIN group with CREATEDB is not a login', obs: withHardening({ roles: [pgRole('owners', { canLogin: false, createDb: true })] }), status: 'pass' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
