import { pgRolesSuperusersCheck as check } from './check-pg-roles-superusers';
import { healthyObservations, probeFailed, probeSkipped, withHardening } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { pgRole } from '../../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

const su = (name: string, canLogin = true) => pgRole(name, { superuser: true, canLogin });

describeVerdicts(check, [
  { name: 'one superuser', obs: healthyObservations(), status: 'pass', summary: /^one superuser: postgres$/, evidence: { superuserCount: 1 } },
  { name: 'two', obs: withHardening({ roles: [su('postgres'), su('admin', false), pgRole('app')] }), status: 'warn', summary: /^2 superusers: postgres, admin \(nologin\)$/ },
  { name: 'three', obs: withHardening({ roles: [su('a'), su('b'), su('c')] }), status: 'fail', summary: /^3 superusers/ },
  { name: 'none visible (managed service)', obs: withHardening({ roles: [pgRole('app')] }), status: 'pass', summary: /no superuser/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
  { name: 'probe error', obs: probeFailed(), status: 'error' },
]);
