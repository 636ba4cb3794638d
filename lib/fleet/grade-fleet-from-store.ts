import type { Db, Tx } from '../db';
import type { Grade } from '../grading/grade-bands';
import { type Criticality, type FleetGrade, type FleetTargetInput, gradeFleet } from '../grading/grade-fleet';

interface GroupRow {
  criticality: Criticality;
  grade: Grade | null;
  gradeWx: Grade | null;
  n: number;
  scored: number;
  score: number | null;
  scoredWx: number;
  scoreWx: number | null;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

/**
 * gradeFleet over every active target's stored grade columns, with and without exceptions. One GROUP BY
 * (a few dozen rows however large the fleet; grouped on the enum, cheaper than on its text); each group
 * enters gradeFleet as its count of targets.
 */
export async function gradeFleetFromStore(client: Db | Tx): Promise<{ fleet: FleetGrade; withExceptions: FleetGrade }> {
  const rows = await client.$queryRaw<GroupRow[]>`
    SELECT criticality::text AS criticality, grade, "gradeWithExceptions" AS "gradeWx",
           count(*)::int AS n,
           count(score)::int AS scored, avg(score) AS score,
           count("scoreWithExceptions")::int AS "scoredWx", avg("scoreWithExceptions") AS "scoreWx",
           sum("failingCritical")::int AS critical, sum("failingHigh")::int AS high,
           sum("failingMedium")::int AS medium, sum("failingLow")::int AS low
    FROM "Target"
    WHERE "archivedAt" IS NULL
    GROUP BY criticality, grade, "gradeWithExceptions"`;
  const plain: FleetTargetInput[] = [];
  const wx: FleetTargetInput[] = [];
  const none = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const r of rows) {
    const counts = { critical: r.critical, high: r.high, medium: r.medium, low: r.low, info: 0 };
    const split = (scored: number, score: number | null, grade: Grade | null, into: FleetTargetInput[]) => {
      // The group's counts ride on its first entry only, so they are summed once.
      if (scored > 0) into.push({ score, grade, criticality: r.criticality, counts, targets: scored });
      if (r.n > scored) into.push({ score: null, criticality: r.criticality, counts: scored > 0 ? none : counts, targets: r.n - scored });
    };
    split(r.scored, r.score, r.grade, plain);
    split(r.scoredWx, r.scoreWx, r.gradeWx, wx);
  }
  return { fleet: gradeFleet(plain), withExceptions: gradeFleet(wx) };
}
