import type { PgBoss } from 'pg-boss';
import { db } from '../db';
import { SCAN_QUEUE_NAME } from '../queue/scan-queue-name';

/**
 * One Scan row per active target for this slot (unique per target and slot), then one job per queued scan
 * whose job id is the scan id: a retried or concurrent fan-out inserts neither scans nor jobs twice.
 */
export async function enqueueScheduledScans(slot: string, boss: PgBoss): Promise<number> {
  await db.$executeRaw`
    INSERT INTO "Scan" (id, "targetId", trigger, status, slot, "createdAt")
    SELECT gen_random_uuid(), t.id, 'schedule'::"ScanTrigger", 'queued'::"ScanStatus", ${slot}, now()
    FROM "Target" t WHERE t."archivedAt" IS NULL
    ON CONFLICT ("targetId", slot) DO NOTHING`;
  const queued = await db.scan.findMany({ where: { slot, status: 'queued' }, select: { id: true } });
  for (let i = 0; i < queued.length; i += 500) {
    await boss.insert(SCAN_QUEUE_NAME, queued.slice(i, i + 500).map((s) => ({ id: s.id, data: { scanId: s.id } })));
  }
  return queued.length;
}
