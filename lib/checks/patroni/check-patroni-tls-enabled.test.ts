import { patroniTlsEnabledCheck as check } from './check-patroni-tls-enabled';
import { patroniObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const inClear = { tls: { port: 8443, handshake: null, error: 'wrong version number' }, plaintext: { port: 8443, answer: 'speaks-protocol' as const, detail: 'HTTP/1.0 200 OK' } };

describeVerdicts(check, [
  { name: 'HTTPS only', obs: patroniObservations(), status: 'pass', summary: /negotiated TLSv1\.3; GET \/patroni → HTTP 200; nothing in clear/ },
  { name: 'HTTP in clear without auth', obs: patroniObservations({ ...inClear, unsafeCalls: [{ method: 'PATCH', path: '/config', httpStatus: 400, answer: 'Bad request' }] }), status: 'fail', summary: /answers HTTP in clear/ },
  { name: 'HTTP in clear with basic auth: passwords in clear', obs: patroniObservations(inClear), status: 'fail', cap: 'F', summary: /password travels in clear/ },
  { name: 'handshake failed', obs: patroniObservations({ tls: { port: 8443, handshake: null, error: 'reset' }, plaintext: { port: 8443, answer: 'closed', detail: null } }), status: 'fail' },
]);
