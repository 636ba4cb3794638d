import { redisProtectedModeCheck as check } from './check-redis-protected-mode';
import { healthyRedis, redisObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const config = (protectedMode: string | null) => ({ ...healthyRedis().config, protectedMode });

describeVerdicts(check, [
  { name: 'yes', obs: redisObservations(), status: 'pass', summary: /protected-mode yes/ },
  { name: 'no, default user passworded', obs: redisObservations({ config: config('no') }), status: 'warn', summary: /harmless while/ },
  {
    name: 'no, default user nopass',
    obs: redisObservations({ config: config('no'), defaultUser: { enabled: true, nopass: true, passwords: 0 }, unauthenticatedReply: 'PONG' }),
    status: 'fail',
    summary: /every host that reaches the port/,
  },
  { name: 'unreadable but seen acting', obs: redisObservations({ config: config(null), unauthenticatedReply: '-DENIED Redis is running in protected mode', login: 'not-attempted' }), status: 'pass', summary: /DENIED/ },
  { name: 'unreadable', obs: redisObservations({ config: config(null) }), status: 'skip', summary: /\+config\|get/ },
]);
