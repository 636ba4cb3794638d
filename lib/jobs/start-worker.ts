import { PgBoss } from 'pg-boss';
import { allJobs } from './all-jobs';
import { logPgBossError } from '../queue/log-pg-boss-error';
import type { JobDefinition } from './job-definition';
import { db } from '../db';
import { bindLegacyCredentials } from '../crypto/bind-legacy-credentials';
import { envKeyring } from '../crypto/keyring';
import { regradeForPolicy } from '../scan/regrade-for-policy';
import { GRADING_POLICY_VERSION } from '../grading/grading-policy';

export interface RunningWorker {
  boss: PgBoss;
  /** true from start until stop() or until pg-boss stops by itself */
  isRunning: () => boolean;
  /** one round trip to the store through pg-boss's own pool */
  pingStore: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts pg-boss on the app's own Postgres; replicas coordinate through it, so any number may run. */
export async function startWorker(connectionString: string, jobs: JobDefinition[] = allJobs): Promise<RunningWorker> {
  // Passwords sealed by an older release open only after they are bound to their target and endpoint.
  const legacy = await bindLegacyCredentials(db, envKeyring());
  if (legacy.bound || legacy.failed) console.log(`[worker] bound ${legacy.bound} stored credentials to their target and endpoint (${legacy.failed} unreadable)`);
  // Stored grades follow the grading policy they were computed under; a new policy re-grades them once.
  const regraded = await regradeForPolicy(db);
  if (regraded) console.log(`[worker] re-graded ${regraded.regraded} databases under grading policy v${GRADING_POLICY_VERSION}`);
  // pg-boss fails a job with a lapsed heartbeat only on its supervision pass (every 60 s by default); checking at half
  // the shortest heartbeat means a killed worker's scan is retried about a heartbeat after it died, not a minute later.
  const heartbeats = jobs.flatMap((j) => (j.queue?.heartbeatSeconds ? [j.queue.heartbeatSeconds] : []));
  const passSeconds = Math.min(60, Math.max(1, Math.floor(Math.min(120, ...heartbeats) / 2)));
  const boss = new PgBoss({
    connectionString, schema: 'pgboss', max: 4, connectionTimeoutMillis: 5_000, superviseIntervalSeconds: passSeconds, monitorIntervalSeconds: passSeconds,
    // the ready counts that decide bursting come from this cache
    queueCacheIntervalSeconds: Math.min(passSeconds, 10),
  } as ConstructorParameters<typeof PgBoss>[0]);
  // A store shutting down (e.g. Ctrl-C reached it first) is quiet: pg-boss reconnects, or we are stopping.
  boss.on('error', (e: unknown) => logPgBossError('[worker]', e));
  let running = false;
  boss.on('stopped', () => (running = false));
  await boss.start();
  running = true;
  for (const job of jobs) {
    await boss.createQueue(job.name, job.queue ?? {});
    if (job.queue) await boss.updateQueue(job.name, job.queue);
    if (job.cron) await boss.schedule(job.name, job.cron, {});
    else await boss.unschedule(job.name).catch(() => {});
    // N independent pollers of one job each, not one batch of N: a batch is fetched again only when its slowest job
    // ends, so one hung target idled the other slots. Burst while jobs are ready, instead of one poll per 2 s.
    const options = { batchSize: 1, localConcurrency: job.batchSize ?? 1, burstWhenReadyExceeds: 1 };
    await boss.work(job.name, options, async (batch: { data: unknown }[]) => {
      await Promise.all(batch.map((item) => job.handler(job.schema.parse(item.data ?? {}), { boss })));
    });
  }
  return {
    boss,
    isRunning: () => running,
    pingStore: async () => void (await boss.getDb().executeSql('SELECT 1')),
    stop: async () => {
      running = false;
      await boss.stop({ graceful: true, timeout: 10_000 } as Parameters<PgBoss['stop']>[0]);
    },
  };
}
