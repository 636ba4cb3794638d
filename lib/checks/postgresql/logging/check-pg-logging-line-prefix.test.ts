import { pgLoggingLinePrefixCheck as check } from './check-pg-logging-line-prefix';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'user, db, app, client', obs: healthyObservations(), status: 'pass' },
  { name: '%r counts as the client', obs: withSettings({ log_line_prefix: '%t %u@%d %r ' }), status: 'pass' },
  { name: 'the default', obs: withSettings({ log_line_prefix: '%m [%p] ' }), status: 'fail', evidence: { missing: ['user (%u)', 'database (%d)', 'client address (%h or %r)'] } },
  { name: 'no timestamp', obs: withSettings({ log_line_prefix: 'user=%u db=%d host=%h ' }), status: 'fail', summary: /lacks timestamp/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
