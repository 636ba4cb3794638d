import type { Tx } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { CheckResult } from '../checks/check-definition';

export interface GradeSummary {
  score: number | null;
  grade: string | null;
  scoreWithExceptions: number | null;
  gradeWithExceptions: string | null;
  counts: { critical: number; high: number; medium: number; low: number };
}

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
  const changed: { checkId: string; from: string | null; to: string }[] = [];
  for (const r of results) {
    const evidence = { summary: r.summary, ...r.evidence } as Prisma.InputJsonValue;
    const before = existing.get(r.id);
    if (before === undefined) {
      await tx.checkState.create({ data: { targetId, checkId: r.id, status: r.status, severity: r.severity, evidence, cap: r.cap ?? null, firstSeenAt: at, lastSeenAt: at, changedAt: at } });
    } else {
      await tx.checkState.update({
        where: { targetId_checkId: { targetId, checkId: r.id } },
        data: { status: r.status, severity: r.severity, evidence, cap: r.cap ?? null, lastSeenAt: at, ...(before !== r.status ? { changedAt: at } : {}) },
      });
    }
    if (before !== r.status) {
      await tx.checkEvent.create({ data: { targetId, checkId: r.id, fromStatus: before ?? null, toStatus: r.status, at } });
      changed.push({ checkId: r.id, from: before ?? null, to: r.status });
    }
  }
  await tx.target.update({ where: { id: targetId }, data: { ...targetGradeColumns(grade), lastScanAt: at } });
  await upsertDailySnapshot(tx, targetId, grade, at);
  return { changed };
}

/** The grade columns a target carries between scans (list pages and roll-ups read these, not CheckState). */
export function targetGradeColumns(grade: GradeSummary) {
  return {
    score: grade.score,
    grade: grade.grade,
    scoreWithExceptions: grade.scoreWithExceptions,
    gradeWithExceptions: grade.gradeWithExceptions,
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
