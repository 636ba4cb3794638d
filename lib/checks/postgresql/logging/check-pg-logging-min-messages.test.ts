import { pgLoggingMinMessagesCheck as check } from './check-pg-logging-min-messages';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'warning', obs: healthyObservations(), status: 'pass' },
  { name: 'notice', obs: withSettings({ log_min_messages: 'notice' }), status: 'pass' },
  { name: 'error', obs: withSettings({ log_min_messages: 'error' }), status: 'fail', summary: /warnings are not logged/ },
  { name: 'debug2', obs: withSettings({ log_min_messages: 'debug2' }), status: 'warn' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
