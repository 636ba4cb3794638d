import { redisPersistenceAofCheck as check } from './check-redis-persistence-aof';
import { healthyRedis, redisObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'store with AOF', obs: redisObservations(), status: 'pass', summary: /appendonly yes/ },
  { name: 'store without AOF', obs: redisObservations({ aofEnabled: false, config: { ...healthyRedis().config, appendonly: 'no' } }), status: 'fail', summary: /loses every write/ },
  { name: 'a cache', obs: redisObservations({ markedAsStore: false, aofEnabled: false }), status: 'skip', summary: /not tagged store/ },
  { name: 'INFO denied, CONFIG readable', obs: redisObservations({ aofEnabled: null }), status: 'pass' },
  { name: 'neither readable', obs: redisObservations({ aofEnabled: null, config: { ...healthyRedis().config, appendonly: null } }), status: 'skip', summary: /\+info/ },
]);
