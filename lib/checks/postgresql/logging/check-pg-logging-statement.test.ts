import { pgLoggingStatementCheck as check } from './check-pg-logging-statement';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'ddl', obs: healthyObservations(), status: 'pass' },
  { name: 'mod', obs: withSettings({ log_statement: 'mod' }), status: 'pass' },
  { name: 'all', obs: withSettings({ log_statement: 'all' }), status: 'pass' },
  { name: 'none', obs: withSettings({ log_statement: 'none' }), status: 'fail', summary: /^log_statement = none/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
