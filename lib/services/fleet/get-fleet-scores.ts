import type { z } from 'zod';
import { db } from '../../db';
import { grades } from '../../grading/grade-bands';
import { gradeFleetFromStore } from '../../scan/grade-fleet-from-store';
import type { scoresSchema } from '../../validations/api/scores-schema';
import { authorize, type ServiceContext } from '../service-context';

export type FleetScores = z.output<typeof scoresSchema>;

/** The fleet's grade for machines: one GROUP BY over the targets' stored grades plus a count; nothing per target. */
export async function getFleetScores(ctx: ServiceContext, now = new Date()): Promise<FleetScores> {
  authorize(ctx, 'inventory:read');
  const [{ fleet, withExceptions }, archived] = await Promise.all([
    gradeFleetFromStore(db),
    db.target.count({ where: { archivedAt: { not: null } } }),
  ]);
  return {
    generatedAt: now.toISOString(),
    fleet: { score: fleet.score, grade: fleet.grade },
    fleetWithExceptions: { score: withExceptions.score, grade: withExceptions.grade },
    databases: { active: fleet.targets, graded: fleet.graded, archived },
    failingBySeverity: { critical: fleet.counts.critical, high: fleet.counts.high, medium: fleet.counts.medium, low: fleet.counts.low },
    byGrade: Object.fromEntries([...grades, 'ungraded' as const].map((g) => [g, fleet.distribution[g]])) as FleetScores['byGrade'],
  };
}
