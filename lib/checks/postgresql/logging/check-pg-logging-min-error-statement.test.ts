import { pgLoggingMinErrorStatementCheck as check } from './check-pg-logging-min-error-statement';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'error', obs: healthyObservations(), status: 'pass' },
  { name: 'warning is more', obs: withSettings({ log_min_error_statement: 'warning' }), status: 'pass' },
  { name: 'panic', obs: withSettings({ log_min_error_statement: 'panic' }), status: 'fail' },
  { name: 'log', obs: withSettings({ log_min_error_statement: 'log' }), status: 'fail' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
