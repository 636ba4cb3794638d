import { pgPortDefaultCheck as check } from './check-pg-port-default';
import { healthyObservations, probeSkipped, withSettings } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'server and clients on 5433', obs: healthyObservations(), status: 'pass', summary: /^port 5433$/ },
  { name: 'server on 5432', obs: withSettings({ port: '5432' }), status: 'fail', evidence: { port: '5432', portPostureConnectedTo: 5433 } },
  { name: 'republished on 5432', obs: { ...withSettings({ port: '6543' }), target: { engine: 'postgresql', host: 'db', port: 5432, database: 'app' } }, status: 'warn', summary: /reach it on 5432/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
