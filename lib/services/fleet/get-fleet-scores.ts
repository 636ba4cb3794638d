import 'server-only';
import type { z } from 'zod';
import { db } from '../../db';
import { env } from '../../env';
import { ttlMemo } from '../../cache/ttl-memo';
import { grades } from '../../grading/grade-bands';
import { gradeFleetFromStore } from '../../fleet/grade-fleet-from-store';
import type { scoresSchema } from '../../validations/api/scores-schema';
import { authorize, type ServiceContext } from '../service-context';

export type FleetScores = z.output<typeof scoresSchema>;

async function computeFleetScores(): Promise<FleetScores> {
  const now = new Date();
  const [{ fleet, withExceptions }, archived] = await Promise.all([
    gradeFleetFromStore(db),
    db.target.count({ where: { archivedAt: { not: null } } }),
  ]);
  return {
    generatedAt: now.toISOString(),
    fleet: { score: fleet.score, grade: fleet.grade, scoreGrade: fleet.scoreGrade, caps: fleet.caps },
    fleetWithExceptions: { score: withExceptions.score, grade: withExceptions.grade, scoreGrade: withExceptions.scoreGrade, caps: withExceptions.caps },
    databases: { active: fleet.targets, graded: fleet.graded, archived },
    failingBySeverity: { critical: fleet.counts.critical, high: fleet.counts.high, medium: fleet.counts.medium, low: fleet.counts.low },
    byGrade: Object.fromEntries([...grades, 'ungraded' as const].map((g) => [g, fleet.distribution[g]])) as FleetScores['byGrade'],
  };
}

// Grades change only when scans land (minutes apart per target); a CI fleet polling this endpoint shares one answer.
const cachedFleetScores = ttlMemo(computeFleetScores, () => env().POSTURE_SCORES_CACHE_MS);

/** The fleet's grade for machines: one GROUP BY over the targets' stored grades plus a count, at most a few seconds old (generatedAt says when). */
export async function getFleetScores(ctx: ServiceContext): Promise<FleetScores> {
  authorize(ctx, 'inventory:read');
  return cachedFleetScores();
}
