import { patroniAuthUnsafeEndpointsCheck as check } from './check-patroni-auth-unsafe-endpoints';
import { patroniObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const calls = (status: number | null, answer: string | null) => ({
  unsafeCalls: ['PATCH /config', 'PUT /config', 'POST /switchover', 'POST /failover'].map((c) => ({ method: c.split(' ')[0]!, path: c.split(' ')[1]!, httpStatus: status, answer })),
});

describeVerdicts(check, [
  { name: 'basic auth', obs: patroniObservations(), status: 'pass', summary: /4 anonymous unsafe calls refused: basic auth required \(401\)/, evidence: { neverSent: ['POST /restart', 'POST /reinitialize'] } },
  { name: 'client certificate (verify_client optional)', obs: patroniObservations(calls(403, 'client certificate required')), status: 'pass', summary: /refused \(401\/403\)/ },
  { name: 'handshake refused', obs: patroniObservations(calls(null, 'tlsv13 alert certificate required')), status: 'pass', summary: /client certificate/ },
  { name: 'no authentication', obs: patroniObservations(calls(400, 'Bad request')), status: 'fail', summary: /PATCH \/config → 400 \(body rejected, access was not\)/ },
  { name: 'something else answers', obs: patroniObservations(calls(404, 'Not Found')), status: 'error', summary: /unexpected answers/ },
  { name: 'nothing asked', obs: patroniObservations({ unsafeCalls: [] }), status: 'skip' },
]);
