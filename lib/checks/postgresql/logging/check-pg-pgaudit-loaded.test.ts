import { pgPgauditLoadedCheck as check } from './check-pg-pgaudit-loaded';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'loaded', obs: healthyObservations(), status: 'pass', summary: /pgaudit in shared_preload_libraries \(pg_stat_statements, pgaudit\)/ },
  { name: 'quoted list', obs: withSettings({ shared_preload_libraries: '"pgaudit", auto_explain' }), status: 'pass' },
  { name: 'not loaded', obs: withSettings({ shared_preload_libraries: 'pg_stat_statements' }), status: 'fail', summary: /not in shared_preload_libraries \(pg_stat_statements\)/ },
  { name: 'empty', obs: withSettings({ shared_preload_libraries: '' }), status: 'fail', summary: /\(empty\)/ },
  {
    name: 'hidden from the probe role',
    obs: withSettings({ shared_preload_libraries: undefined }, ['shared_preload_libraries']),
    status: 'error',
    summary: /GRANT pg_read_all_settings TO posture_probe;/,
    evidence: { visible: false, needs: 'GRANT pg_read_all_settings TO posture_probe;' },
  },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
