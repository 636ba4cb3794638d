import { type Grade, grades, gradeForScore, gradeRank } from './grade-bands';
import type { SeverityCounts } from './grade-target';
import { fleetCapRules, fleetFailingShare, importantCriticalities, type FleetCapRuleId } from './grading-policy';

export type Criticality = 'low' | 'medium' | 'high' | 'critical';

export interface FleetTargetInput {
  score: number | null;
  /** the target's own (capped) grade; when absent the score's band is used */
  grade?: Grade | null;
  criticality: Criticality;
  counts: SeverityCounts;
  /** how many targets this entry stands for: a group sharing criticality and grade, with their mean score and summed counts; default 1 */
  targets?: number;
}

/** A fleet rule that lowers the fleet's grade, with how many databases trigger it. */
export interface FleetCap {
  rule: FleetCapRuleId;
  maxGrade: Grade;
  /** databases that trigger it: F ones (of `graded`), or F ones of high or critical criticality */
  databases: number;
}

export interface FleetGrade {
  score: number | null;
  /** the score's band, lowered by the fleet caps */
  grade: Grade | null;
  /** the grade the weighted mean alone would give */
  scoreGrade: Grade | null;
  /** the fleet rules that hold the grade at or below scoreGrade, most restrictive first */
  caps: FleetCap[];
  /** failing checks by severity, summed over every target */
  counts: SeverityCounts;
  /** targets per grade; targets without a score are counted as ungraded */
  distribution: Record<Grade | 'ungraded', number>;
  targets: number;
  graded: number;
}

/**
 * Fleet score = Σ(w × score) / Σ w over graded targets, with w by criticality:
 * low 1, medium 2, high 3, critical 4 — a critical database moves the fleet four times as much as a low one.
 * Targets with a null score are left out of the mean. The grade is then capped by the worst members (grading-policy).
 */
export const criticalityWeight: Record<Criticality, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export function gradeFleet(targets: readonly FleetTargetInput[]): FleetGrade {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const distribution = Object.fromEntries([...grades, 'ungraded'].map((g) => [g, 0])) as Record<Grade | 'ungraded', number>;
  let weighted = 0;
  let weights = 0;
  let total = 0;
  let importantFailing = 0;
  for (const t of targets) {
    const n = t.targets ?? 1;
    total += n;
    for (const s of Object.keys(counts) as (keyof SeverityCounts)[]) counts[s] += t.counts[s];
    if (t.score === null) {
      distribution.ungraded += n;
      continue;
    }
    const w = criticalityWeight[t.criticality] * n;
    weighted += w * t.score;
    weights += w;
    const grade = t.grade ?? gradeForScore(t.score);
    distribution[grade] += n;
    if (grade === 'F' && importantCriticalities.includes(t.criticality)) importantFailing += n;
  }
  const score = weights === 0 ? null : Math.round((weighted / weights) * 10) / 10;
  const graded = total - distribution.ungraded;
  if (score === null) return { score, grade: null, scoreGrade: null, caps: [], counts, distribution, targets: total, graded };
  const scoreGrade = gradeForScore(score);
  const failing = distribution.F;
  const triggered: Record<FleetCapRuleId, number> = {
    'fleet-half-failing': failing >= graded * fleetFailingShare.half ? failing : 0,
    'fleet-quarter-failing': failing >= graded * fleetFailingShare.quarter ? failing : 0,
    'fleet-important-failing': importantFailing,
  };
  const caps = fleetCapRules
    .filter((r) => triggered[r.id] > 0 && gradeRank(r.maxGrade) <= gradeRank(scoreGrade))
    .map((r) => ({ rule: r.id, maxGrade: r.maxGrade, databases: triggered[r.id] }));
  return { score, grade: caps[0]?.maxGrade ?? scoreGrade, scoreGrade, caps, counts, distribution, targets: total, graded };
}
