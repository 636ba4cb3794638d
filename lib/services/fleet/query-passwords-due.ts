import 'server-only';
import { db } from '../../db';
import type { PasswordDue } from './fleet-overview-view';

const num = (s: string | null) => (s === null || Number.isNaN(Number(s)) ? null : Number(s));

/**
 * password.age at warn or fail on active targets: failing first, then the longest in that state (with scans
 * every few minutes, the earliest to turn fail is the most overdue). One index scan; the total is a window count.
 */
export async function queryPasswordsDue(limit = 10): Promise<{ total: number; items: PasswordDue[] }> {
  const rows = await db.$queryRaw<
    { targetId: string; targetName: string; ownerTeam: string | null; status: 'warn' | 'fail'; since: Date; ageDays: string | null; policyDays: string | null; validUntil: string | null; source: string | null; summary: string | null; total: number }[]
  >`
    SELECT top."targetId", t.name AS "targetName", t."ownerTeam", top.status::text AS status, top.since,
           top.evidence->>'ageDays' AS "ageDays", top.evidence->>'policyDays' AS "policyDays",
           top.evidence->>'validUntil' AS "validUntil", top.evidence->>'source' AS source,
           top.evidence->>'summary' AS summary, top.total
    FROM (
      SELECT cs."targetId", cs.status, cs.evidence, cs."changedAt" AS since, count(*) OVER ()::int AS total
      FROM "CheckState" cs
      WHERE cs."checkId" = 'password.age' AND cs.status IN ('warn', 'fail')
        AND cs."targetId" NOT IN (SELECT id FROM "Target" WHERE "archivedAt" IS NOT NULL)
      ORDER BY (cs.status = 'fail') DESC, cs."changedAt", cs."targetId"
      LIMIT ${limit}
    ) top
    JOIN "Target" t ON t.id = top."targetId"
    ORDER BY (top.status = 'fail') DESC, top.since, t.name`;
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      targetId: r.targetId,
      targetName: r.targetName,
      ownerTeam: r.ownerTeam,
      status: r.status,
      since: r.since.toISOString(),
      ageDays: num(r.ageDays),
      policyDays: num(r.policyDays),
      validUntil: r.validUntil,
      source: r.source,
      summary: r.summary,
    })),
  };
}
