import { pgLoggingFileModeCheck as check } from './check-pg-logging-file-mode';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: '0600', obs: healthyObservations(), status: 'pass' },
  { name: '0640 (log-reader group)', obs: withSettings({ log_file_mode: '0640' }), status: 'pass' },
  { name: '0644', obs: withSettings({ log_file_mode: '0644' }), status: 'fail', summary: /other users can read/ },
  { name: '0660', obs: withSettings({ log_file_mode: '0660' }), status: 'fail', summary: /the group can write/ },
  { name: 'not a mode', obs: withSettings({ log_file_mode: 'rw' }), status: 'error' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
