import { redisAuthRequiredCheck as check } from './check-redis-auth-required';
import { redisObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'NOAUTH', obs: redisObservations(), status: 'pass', summary: /refused \(-NOAUTH/ },
  { name: 'PONG without AUTH', obs: redisObservations({ unauthenticatedReply: 'PONG', login: 'not-needed' }), status: 'fail', summary: /PING → PONG without AUTH/ },
  {
    name: 'only protected mode refuses',
    obs: redisObservations({ unauthenticatedReply: '-DENIED Redis is running in protected mode', login: 'not-attempted' }),
    status: 'fail',
    summary: /only protected mode/,
  },
  { name: 'no session', obs: redisObservations({ session: 'none', unauthenticatedReply: null, tls: { port: 6379, handshake: null, error: 'reset' } }), status: 'skip', summary: /no Redis session/ },
  { name: 'odd reply', obs: redisObservations({ unauthenticatedReply: '-LOADING Redis is loading the dataset in memory' }), status: 'error', summary: /LOADING/ },
]);
