import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { authorize, type ServiceContext } from '../service-context';
import { parseTargetId } from './parse-target-id';
import type { Grade } from '../../grading/grade-bands';
import { DAY_ONE_SCANS_MAX } from '../fleet/query-day-one-scans';

export interface GradeHistoryPoint {
  /** YYYY-MM-DD (UTC) */
  day: string;
  score: number;
  scoreWithExceptions: number;
  grade: Grade;
}

export interface TargetHistoryView {
  days: number;
  /** the last day of the window (today, UTC), so the client slices ranges without its own clock */
  through: string;
  points: GradeHistoryPoint[];
  /** while there are fewer than two daily points: each scan of the latest day, so day one has a line */
  dayOne: { at: string; score: number; grade: Grade }[];
}

const input = z.object({ targetId: z.unknown(), days: z.coerce.number().int().min(1).max(365).default(90) });

const dayMs = 86_400_000;

/** The target's daily grade snapshots over the last `days` days (today included), oldest first. */
export async function getTargetHistory(ctx: ServiceContext, raw: { targetId: string; days?: number }, now = new Date()): Promise<TargetHistoryView> {
  authorize(ctx, 'inventory:read');
  const { targetId, days } = input.parse(raw);
  const id = parseTargetId(targetId);
  const exists = await db.target.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new AppError('not_found', 'Database not found');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const rows = await db.gradeSnapshot.findMany({
    where: { targetId: id, day: { gte: new Date(today - (days - 1) * dayMs) } },
    orderBy: { day: 'asc' },
    select: { day: true, score: true, scoreWithExceptions: true, grade: true },
  });
  const dayOne =
    rows.length < 2
      ? await db.scan.findMany({
          where: { targetId: id, status: 'succeeded', score: { not: null }, finishedAt: { gte: new Date(today), lte: now } },
          orderBy: { finishedAt: 'asc' },
          take: DAY_ONE_SCANS_MAX,
          select: { finishedAt: true, score: true, grade: true },
        })
      : [];
  return {
    days,
    through: new Date(today).toISOString().slice(0, 10),
    dayOne: dayOne.map((s) => ({ at: s.finishedAt!.toISOString(), score: s.score!, grade: s.grade as Grade })),
    points: rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), score: r.score, scoreWithExceptions: r.scoreWithExceptions, grade: r.grade as Grade })),
  };
}
