import { pgRolesPasswordExpiryCheck as check } from './check-pg-roles-password-expiry';
import { healthyObservations, probeSkipped, withHardening, withTags } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { daysFromNow, pgRole } from '../../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'every login role expires', obs: healthyObservations(), status: 'pass', summary: /^all 3 login roles have VALID UNTIL$/ },
  {
    name: 'null and infinity never expire',
    obs: withHardening({ roles: [pgRole('app'), pgRole('etl', { validUntil: 'infinity' }), pgRole('ro', { validUntil: daysFromNow(10) }), pgRole('grp', { canLogin: false })] }),
    status: 'fail',
    summary: /^2 login roles without VALID UNTIL: app, etl$/,
    evidence: { withoutExpiry: ['app', 'etl'] },
  },
  { name: 'an expired role is noted', obs: withHardening({ roles: [pgRole('old', { validUntil: daysFromNow(-3) })] }), status: 'pass', summary: /expired \(cannot log in\): old/ },
  { name: 'no policy tag: skipped', obs: withTags(healthyObservations(), []), status: 'skip', summary: /password-expiry:required/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
