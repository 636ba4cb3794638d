import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';
import { redisLoginVerdict } from './redis-session-skip';

export const redisPersistenceAofCheck: CheckDefinition = {
  id: 'redis.persistence.aof',
  title: 'Redis used as a store has AOF persistence',
  area: 'storage',
  severity: 'medium',
  why: 'RDB snapshots alone lose every write since the last snapshot when Redis restarts; a Redis that holds data of record needs the append-only file.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.redis, 'Redis'), (r) => {
      const evidence = { markedAsStore: r.markedAsStore, aofEnabled: r.aofEnabled, appendonly: r.config.appendonly };
      if (!r.markedAsStore) return { status: 'skip', summary: 'not tagged store: a cache needs no AOF (tag the target store if Redis holds data of record)', evidence };
      const notLoggedIn = redisLoginVerdict(r, evidence);
      if (notLoggedIn) return notLoggedIn;
      const on = r.aofEnabled ?? (r.config.appendonly === null ? null : r.config.appendonly === 'yes');
      if (on === true) return { status: 'pass', summary: 'appendonly yes (aof_enabled:1)', evidence };
      if (on === false) return { status: 'fail', summary: 'appendonly no: a restart loses every write since the last RDB snapshot', evidence };
      return { status: 'skip', summary: 'the probe user may read neither INFO persistence nor CONFIG GET appendonly (grant +info)', evidence };
    }),
  remediation: `Turn on the append-only file in redis.conf:
  appendonly yes
  appendfsync everysec

Or at runtime, without a restart (Redis rewrites the AOF in the background):
  redis-cli --tls ... CONFIG SET appendonly yes
  redis-cli --tls ... CONFIG REWRITE

On Kubernetes, keep /data on a PersistentVolumeClaim so the file survives the pod.`,
  compliance: [
    { framework: 'SOC 2', control: 'A1.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(c)' },
  ],
};
