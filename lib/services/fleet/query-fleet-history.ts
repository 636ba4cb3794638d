import 'server-only';
import { db } from '../../db';
import { gradeForScore, isGrade } from '../../grading/grade-bands';
import type { FleetOverview } from './fleet-overview-view';

const dayMs = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The fleet snapshots (targetId null) of the last `days` days for the trend, and the one nearest to 30 days
 * ago (within a week either side) for "before"; both read the (targetId, day) index.
 */
export async function queryFleetHistory(now: Date, days: number): Promise<Pick<FleetOverview, 'trend' | 'before'>> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monthAgo = today - 30 * dayMs;
  const select = { day: true, score: true, scoreWithExceptions: true, grade: true, critical: true, high: true, medium: true, low: true } as const;
  const [trend, around] = await Promise.all([
    db.gradeSnapshot.findMany({ where: { targetId: null, day: { gte: new Date(today - (days - 1) * dayMs) } }, orderBy: { day: 'asc' }, select }),
    db.gradeSnapshot.findMany({
      where: { targetId: null, day: { gte: new Date(monthAgo - 7 * dayMs), lte: new Date(monthAgo + 7 * dayMs) } },
      orderBy: { day: 'asc' },
      select,
    }),
  ]);
  const nearest = around.reduce<(typeof around)[number] | null>(
    (best, s) => (best === null || Math.abs(s.day.getTime() - monthAgo) < Math.abs(best.day.getTime() - monthAgo) ? s : best),
    null,
  );
  return {
    trend: trend.map((s) => ({ day: iso(s.day), score: s.score, scoreWithExceptions: s.scoreWithExceptions })),
    before: nearest && {
      day: iso(nearest.day),
      score: nearest.score,
      grade: isGrade(nearest.grade) ? nearest.grade : gradeForScore(nearest.score),
      scoreWithExceptions: nearest.scoreWithExceptions,
      gradeWithExceptions: gradeForScore(nearest.scoreWithExceptions),
      failing: { critical: nearest.critical, high: nearest.high, medium: nearest.medium, low: nearest.low },
    },
  };
}
