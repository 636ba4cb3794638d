import { pgLoggingDestinationCheck as check } from './check-pg-logging-destination';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'collector on', obs: healthyObservations(), status: 'pass' },
  { name: 'syslog', obs: withSettings({ logging_collector: 'off', log_destination: 'syslog' }), status: 'pass' },
  { name: 'stderr only', obs: withSettings({ logging_collector: 'off', log_destination: 'stderr' }), status: 'warn', summary: /logging_collector = off/ },
  { name: 'not visible', obs: withSettings({ logging_collector: undefined }), status: 'skip' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
