import { redisPlaintextClosedCheck as check } from './check-redis-plaintext-closed';
import { redisObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'plaintext port refused', obs: redisObservations(), status: 'pass', summary: /port 6380: refused/, evidence: { ports: [{ port: 6380, answer: 'refused' }] } },
  { name: 'a TLS-only listener on it', obs: redisObservations({ plaintext: [{ port: 6380, answer: 'closed', detail: 'closed without answering' }] }), status: 'pass', summary: /closed without a plaintext answer/ },
  {
    name: 'plaintext answers without a password',
    obs: redisObservations({ plaintext: [{ port: 6380, answer: 'speaks-protocol', detail: 'PONG' }] }),
    status: 'fail',
    summary: /plaintext Redis answers on port 6380 \(PING → PONG\)$/,
  },
  {
    name: 'plaintext asks for a password: passwords in clear',
    obs: redisObservations({ plaintext: [{ port: 6380, answer: 'speaks-protocol', detail: '-NOAUTH Authentication required.' }] }),
    status: 'fail',
    cap: 'F',
    summary: /password logins there travel in clear/,
  },
  { name: 'nothing to probe', obs: redisObservations({ plaintext: [] }), status: 'pass', summary: /no plaintext port/ },
]);
