import 'server-only';
import { db } from '../../db';
import type { ExpiringCertificate } from './fleet-overview-view';

const dayMs = 86_400_000;

/**
 * Certificates that cert.expiry flags (warn: ≤ 30 days left, fail: ≤ 14 or expired) on active targets, the
 * soonest first. The status filter reads the (checkId, status) index, so the cost follows the flagged, not the
 * fleet; only the top rows are joined to Target. ISO-8601 UTC strings sort in time order as text.
 */
export async function queryExpiringCertificates(now: Date, limit = 10): Promise<{ total: number; items: ExpiringCertificate[] }> {
  const rows = await db.$queryRaw<{ targetId: string; targetName: string; ownerTeam: string | null; status: string; notAfter: string; subject: string | null; total: number }[]>`
    SELECT top."targetId", t.name AS "targetName", t."ownerTeam", top.status, top."notAfter", top.subject, top.total
    FROM (
      SELECT cs."targetId", cs.status::text AS status,
             cs.evidence->>'earliestNotAfter' AS "notAfter", cs.evidence->>'earliestSubject' AS subject,
             count(*) OVER ()::int AS total
      FROM "CheckState" cs
      WHERE cs."checkId" = 'cert.expiry' AND cs.status IN ('warn', 'fail') AND cs.evidence->>'earliestNotAfter' IS NOT NULL
        AND cs."targetId" NOT IN (SELECT id FROM "Target" WHERE "archivedAt" IS NOT NULL)
      ORDER BY 3, 1
      LIMIT ${limit}
    ) top
    JOIN "Target" t ON t.id = top."targetId"
    ORDER BY top."notAfter", t.name`;
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      targetId: r.targetId,
      targetName: r.targetName,
      ownerTeam: r.ownerTeam,
      status: r.status,
      notAfter: r.notAfter,
      subject: r.subject,
      daysLeft: Math.floor((Date.parse(r.notAfter) - now.getTime()) / dayMs),
    })),
  };
}
