import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { GRADING_POLICY_VERSION } from '../grading/grading-policy';
import { regradeTarget } from './regrade-target';
import { writeFleetSnapshot } from '../fleet/write-fleet-snapshot';

/** The Setting row that says which grading policy the stored grades follow. */
export const GRADING_POLICY_SETTING = 'grading.policy';

/**
 * When the grading policy changed since the stored grades were computed, re-grades every target from its stored
 * check states (no rescan) and rewrites today's snapshots, target and fleet, so history and current grades agree
 * with the written policy. One transaction under an advisory lock: replicas starting together do it once.
 */
export async function regradeForPolicy(db: Db, now = new Date()): Promise<{ regraded: number } | null> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('posture.grading-policy')) AS locked`;
      if (!lock?.locked) return null;
      const row = await tx.setting.findUnique({ where: { key: GRADING_POLICY_SETTING } });
      if ((row?.value as { version?: number } | null)?.version === GRADING_POLICY_VERSION) return null;
      const targets = await tx.target.findMany({ where: { archivedAt: null, lastScanAt: { not: null } }, select: { id: true } });
      for (const t of targets) await regradeTarget(tx, t.id, now);
      await writeFleetSnapshot({ at: now, tx });
      const value = { version: GRADING_POLICY_VERSION, regradedAt: now.toISOString() } as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key: GRADING_POLICY_SETTING }, create: { key: GRADING_POLICY_SETTING, value }, update: { value } });
      return { regraded: targets.length };
    },
    // A one-off pass over the whole fleet, a few statements per target.
    { timeout: 600_000, maxWait: 10_000 },
  );
}
