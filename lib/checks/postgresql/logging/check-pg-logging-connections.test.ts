import { pgLoggingConnectionsCheck as check } from './check-pg-logging-connections';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'on', obs: healthyObservations(), status: 'pass' },
  { name: 'PostgreSQL 18 all', obs: withSettings({ log_connections: 'all' }), status: 'pass' },
  { name: 'PostgreSQL 18 stage list', obs: withSettings({ log_connections: 'receipt,authentication,authorization' }), status: 'pass' },
  { name: 'receipt only', obs: withSettings({ log_connections: 'receipt' }), status: 'warn' },
  { name: 'PostgreSQL 18 default (empty)', obs: withSettings({ log_connections: '' }), status: 'fail', summary: /^log_connections = 'off': logins are not logged$/ },
  { name: 'off', obs: withSettings({ log_connections: 'off' }), status: 'fail' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
