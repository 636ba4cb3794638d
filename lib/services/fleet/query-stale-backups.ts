import 'server-only';
import { db } from '../../db';
import type { StaleBackup } from './fleet-overview-view';

/** Failing backup.freshness and backup.wal_archiving on active targets, the longest failing first. */
export async function queryStaleBackups(limit = 10): Promise<{ total: number; items: StaleBackup[] }> {
  const rows = await db.$queryRaw<
    { targetId: string; targetName: string; ownerTeam: string | null; checkId: StaleBackup['checkId']; summary: string | null; since: Date; total: number }[]
  >`
    SELECT top."targetId", t.name AS "targetName", t."ownerTeam", top."checkId", top.summary, top.since, top.total
    FROM (
      SELECT cs."targetId", cs."checkId", cs.evidence->>'summary' AS summary, cs."changedAt" AS since, count(*) OVER ()::int AS total
      FROM "CheckState" cs
      WHERE cs."checkId" IN ('backup.freshness', 'backup.wal_archiving') AND cs.status = 'fail'
        AND cs."targetId" NOT IN (SELECT id FROM "Target" WHERE "archivedAt" IS NOT NULL)
      ORDER BY cs."changedAt", cs."targetId", cs."checkId"
      LIMIT ${limit}
    ) top
    JOIN "Target" t ON t.id = top."targetId"
    ORDER BY top.since, t.name, top."checkId"`;
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({ targetId: r.targetId, targetName: r.targetName, ownerTeam: r.ownerTeam, checkId: r.checkId, summary: r.summary, since: r.since.toISOString() })),
  };
}
