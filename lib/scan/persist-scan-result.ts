import type { Tx } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { CheckResult, CheckStatus } from '../checks/check-definition';
import { gradeRank, isGrade } from '../grading/grade-bands';
import type { GradeSummary } from '../grading/grade-summary';

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/**
 * Storage grows with change, not with runs: one CheckState per (target, check) updated in place, a CheckEvent
 * only when a status changes, one GradeSnapshot per target per day. Idempotent, so a retried scan adds nothing.
 */
export async function persistScanResult(
  tx: Tx,
  input: { targetId: string; results: CheckResult[]; grade: GradeSummary; at: Date },
): Promise<{ changed: { checkId: string; from: string | null; to: string }[] }> {
  const { targetId, results, grade, at } = input;
  const existing = new Map(
    (await tx.checkState.findMany({ where: { targetId }, select: { checkId: true, status: true } })).map((s) => [s.checkId, s.status]),
  );
  const changed: { checkId: string; from: CheckStatus | null; to: CheckStatus }[] = [];
  for (const r of results) {
    const before = existing.get(r.id);
    if (before !== r.status) changed.push({ checkId: r.id, from: before ?? null, to: r.status });
  }
  await upsertCheckStates(tx, targetId, results, at);
  if (changed.length > 0) {
    await tx.checkEvent.createMany({
      data: changed.map((c) => ({ targetId, checkId: c.checkId, fromStatus: c.from, toStatus: c.to, at })),
    });
  }
  await tx.target.update({ where: { id: targetId }, data: { ...targetGradeColumns(grade), lastScanAt: at } });
  await upsertDailySnapshot(tx, targetId, grade, at);
  return { changed };
}

/**
 * Every check's state in one statement: a scan writes ~80 rows, and one round trip each was most of a scan's
 * store time. `changedAt` moves only when the status does; the timestamps are UTC like Prisma's own writes.
 */
async function upsertCheckStates(tx: Tx, targetId: string, results: CheckResult[], at: Date): Promise<void> {
  if (results.length === 0) return;
  const rows = JSON.stringify(
    results.map((r) => ({ checkId: r.id, status: r.status, severity: r.severity, evidence: { summary: r.summary, ...r.evidence }, cap: r.cap ?? null })),
  );
  const when = at.toISOString();
  await tx.$executeRaw`
    INSERT INTO "CheckState" ("targetId", "checkId", status, severity, evidence, cap, "firstSeenAt", "lastSeenAt", "changedAt")
    SELECT ${targetId}::uuid, r."checkId", r.status::"CheckStatus", r.severity::"Severity", r.evidence, r.cap,
           (${when}::timestamptz AT TIME ZONE 'UTC'), (${when}::timestamptz AT TIME ZONE 'UTC'), (${when}::timestamptz AT TIME ZONE 'UTC')
    FROM jsonb_to_recordset(${rows}::jsonb) AS r("checkId" text, status text, severity text, evidence jsonb, cap text)
    ON CONFLICT ("targetId", "checkId") DO UPDATE SET
      status = EXCLUDED.status,
      severity = EXCLUDED.severity,
      evidence = EXCLUDED.evidence,
      cap = EXCLUDED.cap,
      "lastSeenAt" = EXCLUDED."lastSeenAt",
      "changedAt" = CASE WHEN "CheckState".status = EXCLUDED.status THEN "CheckState"."changedAt" ELSE EXCLUDED."changedAt" END`;
}

/** The grade columns a target carries between scans (list pages and roll-ups read these, not CheckState). */
export function targetGradeColumns(grade: GradeSummary) {
  return {
    score: grade.score,
    grade: grade.grade,
    gradeRank: isGrade(grade.grade) ? gradeRank(grade.grade) : null,
    scoreGrade: grade.scoreGrade,
    caps: grade.caps as unknown as Prisma.InputJsonValue,
    scoreWithExceptions: grade.scoreWithExceptions,
    gradeWithExceptions: grade.gradeWithExceptions,
    scoreGradeWithExceptions: grade.scoreGradeWithExceptions,
    capsWithExceptions: grade.capsWithExceptions as unknown as Prisma.InputJsonValue,
    failingCritical: grade.counts.critical,
    failingHigh: grade.counts.high,
    failingMedium: grade.counts.medium,
    failingLow: grade.counts.low,
  };
}

/** One snapshot per target per day, holding that day's latest grade. */
export async function upsertDailySnapshot(tx: Tx, targetId: string, grade: GradeSummary, at: Date): Promise<void> {
  const day = startOfDay(at);
  const snapshot = {
    score: grade.score ?? 0,
    scoreWithExceptions: grade.scoreWithExceptions ?? grade.score ?? 0,
    grade: grade.grade ?? '—',
    critical: grade.counts.critical,
    high: grade.counts.high,
    medium: grade.counts.medium,
    low: grade.counts.low,
  };
  await tx.gradeSnapshot.upsert({
    where: { targetId_day: { targetId, day } },
    create: { targetId, day, ...snapshot },
    update: snapshot,
  });
}
