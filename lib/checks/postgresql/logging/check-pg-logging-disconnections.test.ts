import { pgLoggingDisconnectionsCheck as check } from './check-pg-logging-disconnections';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'on', obs: healthyObservations(), status: 'pass' },
  { name: 'off', obs: withSettings({ log_disconnections: 'off' }), status: 'fail', evidence: { log_disconnections: 'off' } },
  { name: 'older server without the setting', obs: withSettings({ log_disconnections: undefined }), status: 'skip', summary: /has no setting log_disconnections/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
