import 'server-only';
import { db } from '../../db';
import { criticalityWeight, type Criticality } from '../../grading/grade-fleet';

/** Scans replayed for a day-one chart: enough for a busy first day, bounded so the query stays a LIMIT. */
export const DAY_ONE_SCANS_MAX = 2000;

/**
 * The fleet score after each scan that finished today (UTC), replayed in order: each target counts with its latest
 * score so far, weighted by criticality as the fleet score is. For the trend before the second daily roll-up.
 */
export async function queryDayOneScans(now: Date): Promise<{ at: string; score: number }[]> {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const scans = await db.scan.findMany({
    where: { status: 'succeeded', score: { not: null }, finishedAt: { gte: dayStart, lte: now }, target: { archivedAt: null } },
    orderBy: { finishedAt: 'asc' },
    take: DAY_ONE_SCANS_MAX,
    select: { targetId: true, score: true, finishedAt: true, target: { select: { criticality: true } } },
  });
  return replayFleetScore(scans.map((s) => ({ targetId: s.targetId, score: s.score!, at: s.finishedAt!, criticality: s.target.criticality as Criticality })));
}

/** The criticality-weighted mean of each target's latest score, after each scan in the order given. */
export function replayFleetScore(scans: readonly { targetId: string; score: number; at: Date; criticality: Criticality }[]): { at: string; score: number }[] {
  const latest = new Map<string, { score: number; weight: number }>();
  return scans.map((s) => {
    latest.set(s.targetId, { score: s.score, weight: criticalityWeight[s.criticality] });
    let weighted = 0;
    let weights = 0;
    for (const t of latest.values()) {
      weighted += t.score * t.weight;
      weights += t.weight;
    }
    return { at: s.at.toISOString(), score: Math.round((weighted / weights) * 10) / 10 };
  });
}
