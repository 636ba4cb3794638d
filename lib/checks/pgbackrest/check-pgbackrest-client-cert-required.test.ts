import { pgbackrestClientCertRequiredCheck as check } from './check-pgbackrest-client-cert-required';
import { pgbackrestServerObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'disconnected after the greeting', obs: pgbackrestServerObservations(), status: 'pass', summary: /gets the greeting and is disconnected/ },
  { name: 'handshake refused', obs: pgbackrestServerObservations({ withoutClientCert: 'handshake-refused', detail: 'tlsv13 alert certificate required' }), status: 'pass', summary: /certificate required/ },
  { name: 'session left open', obs: pgbackrestServerObservations({ withoutClientCert: 'session-open', detail: 'still open 1500 ms after the greeting' }), status: 'fail', summary: /keeps a session open/ },
  { name: 'not pgBackRest', obs: pgbackrestServerObservations({ withoutClientCert: 'no-greeting', greeting: null, detail: null }), status: 'error', summary: /is this a pgBackRest TLS server/ },
  { name: 'no TLS', obs: pgbackrestServerObservations({ tls: { port: 8432, handshake: null, error: 'reset' } }), status: 'skip' },
]);
