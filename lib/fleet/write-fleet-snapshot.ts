import { db, type Tx } from '../db';
import { gradeFleetFromStore } from './grade-fleet-from-store';

export interface FleetSnapshotView {
  day: string;
  score: number;
  scoreWithExceptions: number;
  grade: string;
  counts: { critical: number; high: number; medium: number; low: number };
  targets: number;
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/**
 * Today's fleet GradeSnapshot (targetId null) from the targets' stored columns, written in place. A unique
 * index cannot dedupe NULL targetIds, so a transaction-scoped advisory lock serialises concurrent roll-ups.
 * Nothing is written while no target has a grade. Pass tx to run inside a caller's transaction.
 */
export async function writeFleetSnapshot(opts: { at?: Date; tx?: Tx } = {}): Promise<FleetSnapshotView | null> {
  if (!opts.tx) return db.$transaction((tx) => writeFleetSnapshot({ ...opts, tx }));
  const tx = opts.tx;
  const day = startOfDay(opts.at ?? new Date());
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('posture.fleet-snapshot'))`;
  const { fleet, withExceptions } = await gradeFleetFromStore(tx);
  if (fleet.score === null || fleet.grade === null) return null;
  const data = {
    score: fleet.score,
    scoreWithExceptions: withExceptions.score ?? fleet.score,
    grade: fleet.grade,
    critical: fleet.counts.critical,
    high: fleet.counts.high,
    medium: fleet.counts.medium,
    low: fleet.counts.low,
  };
  const existing = await tx.gradeSnapshot.findFirst({ where: { targetId: null, day }, select: { id: true } });
  if (existing) await tx.gradeSnapshot.update({ where: { id: existing.id }, data });
  else await tx.gradeSnapshot.create({ data: { targetId: null, day, ...data } });
  const { critical, high, medium, low, ...rest } = data;
  return { day: day.toISOString().slice(0, 10), ...rest, counts: { critical, high, medium, low }, targets: fleet.targets };
}
