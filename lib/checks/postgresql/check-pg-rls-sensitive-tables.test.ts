import { pgRlsSensitiveTablesCheck as check } from './check-pg-rls-sensitive-tables';
import { healthyObservations, probeSkipped, withHardening, withTags } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const table = (name: string, patch: object = {}) => ({ table: name, exists: true, rowSecurity: true, forceRowSecurity: true, policies: 1, ...patch });

describeVerdicts(check, [
  { name: 'RLS enabled and forced', obs: healthyObservations(), status: 'pass', summary: /^row-level security on for public\.salaries \(1 policies\)$/ },
  { name: 'RLS off', obs: withHardening({ sensitiveTables: [table('public.salaries', { rowSecurity: false })] }), status: 'fail', summary: /off on public\.salaries/ },
  { name: 'flagged table missing', obs: withHardening({ sensitiveTables: [table('public.gone', { exists: false, rowSecurity: false })] }), status: 'warn', summary: /not found in app: public\.gone/ },
  { name: 'enabled but not forced', obs: withHardening({ sensitiveTables: [table('public.salaries', { forceRowSecurity: false })] }), status: 'pass', summary: /not forced for the owner: public\.salaries/ },
  { name: 'nothing flagged: skipped', obs: withTags(healthyObservations(), ['encryption:required']), status: 'skip', summary: /sensitive:<schema>\.<table>/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
