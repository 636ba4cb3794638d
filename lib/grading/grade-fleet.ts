import { type Grade, grades, gradeForScore } from './grade-bands';
import type { SeverityCounts } from './grade-target';

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

export interface FleetGrade {
  score: number | null;
  grade: Grade | null;
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
 * Targets with a null score are left out of the mean. No caps at fleet level: the distribution shows the F targets.
 */
export const criticalityWeight: Record<Criticality, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export function gradeFleet(targets: readonly FleetTargetInput[]): FleetGrade {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const distribution = Object.fromEntries([...grades, 'ungraded'].map((g) => [g, 0])) as Record<Grade | 'ungraded', number>;
  let weighted = 0;
  let weights = 0;
  let total = 0;
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
    distribution[t.grade ?? gradeForScore(t.score)] += n;
  }
  const score = weights === 0 ? null : Math.round((weighted / weights) * 10) / 10;
  return { score, grade: score === null ? null : gradeForScore(score), counts, distribution, targets: total, graded: total - distribution.ungraded };
}
