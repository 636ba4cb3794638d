import { pgLoggingMinDurationCheck as check } from './check-pg-logging-min-duration';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: '1000 ms', obs: healthyObservations(), status: 'pass', summary: /over 1000 ms/ },
  { name: '0 logs everything', obs: withSettings({ log_min_duration_statement: '0' }), status: 'pass' },
  { name: 'disabled', obs: withSettings({ log_min_duration_statement: '-1' }), status: 'fail', summary: /never logged/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
