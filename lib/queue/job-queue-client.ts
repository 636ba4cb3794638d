import { PgBoss } from 'pg-boss';
import { logPgBossError } from './log-pg-boss-error';
import { variable } from '../env';
import { SCAN_QUEUE_NAME } from './scan-queue-name';
import { scanQueueOptions } from './scan-queue-options';

const g = globalThis as { __postureQueue?: Promise<PgBoss> };

/** A send-only pg-boss for the web process: no polling, no cron, no maintenance (the worker does those). */
export function jobQueue(): Promise<PgBoss> {
  g.__postureQueue ??= (async () => {
    const boss = new PgBoss({ connectionString: variable('DATABASE_URL'), schema: 'pgboss', supervise: false, schedule: false, max: 2, connectionTimeoutMillis: 5_000 } as ConstructorParameters<typeof PgBoss>[0]);
    boss.on('error', (e: unknown) => logPgBossError('[queue]', e));
    await boss.start();
    await boss.createQueue(SCAN_QUEUE_NAME, scanQueueOptions());
    return boss;
  })().catch((e: unknown) => {
    g.__postureQueue = undefined;
    throw e;
  });
  return g.__postureQueue;
}
