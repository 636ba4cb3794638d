import type { CheckResult, CheckStatus, Severity } from '../checks/check-definition';
import { type Grade, gradeForScore, gradeRank } from './grade-bands';
import { capRuleFor, capRules, earnedShare, severityWeight, type CapRuleId } from './grading-policy';

export { severityWeight } from './grading-policy';

export type GradableResult = Pick<CheckResult, 'id' | 'severity' | 'status' | 'cap'>;
export type SeverityCounts = Record<Severity, number>;

/** One rule that lowers a grade below its score's band, and the checks that trigger it. */
export interface GradeCap {
  rule: CapRuleId;
  maxGrade: Grade;
  checkIds: string[];
}

export interface GradeOutcome {
  score: number | null;
  /** the grade: the score's band lowered by the caps */
  grade: Grade | null;
  /** the grade the score alone would give */
  scoreGrade: Grade | null;
  /** the rules that hold the grade at or below scoreGrade, most restrictive first; empty when nothing does */
  caps: GradeCap[];
}

export interface TargetGrade {
  score: number | null;
  grade: Grade | null;
  scoreGrade: Grade | null;
  caps: GradeCap[];
  scoreWithExceptions: number | null;
  gradeWithExceptions: Grade | null;
  scoreGradeWithExceptions: Grade | null;
  /** an accepted exception lifts its check's cap here only */
  capsWithExceptions: GradeCap[];
  /** checks that need action (fail or warn) by severity, exceptions included */
  counts: SeverityCounts;
  /** checks that count towards the score: everything not skipped */
  applicable: number;
  /** results by status: what ran, what Posture could not tell (error) and what did not apply (skip) */
  statuses: Record<CheckStatus, number>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const ruleOrder = new Map(capRules.map((r, i) => [r.id, i]));
const maxGradeOf = new Map(capRules.map((r) => [r.id, r.maxGrade]));

/** Score, grade and caps over the given results, as the grading policy says; skip never counts. */
export function gradeResults(results: readonly GradableResult[]): GradeOutcome {
  let total = 0;
  let earned = 0;
  const triggered = new Map<CapRuleId, string[]>();
  for (const r of results) {
    if (r.status === 'skip') continue;
    const w = severityWeight[r.severity];
    total += w;
    earned += w * earnedShare[r.status];
    const rule = capRuleFor(r);
    if (rule) triggered.set(rule, [...(triggered.get(rule) ?? []), r.id]);
  }
  if (total === 0) return { score: null, grade: null, scoreGrade: null, caps: [] };
  const score = round1((100 * earned) / total);
  // Caps apply after banding, so a 95 with a failing critical check is a D. A cap above the band holds nothing and
  // is left out; one at the band is kept, so an F that is "no protection" names its check even when the score is F too.
  const scoreGrade = gradeForScore(score);
  const caps = [...triggered]
    .map(([rule, checkIds]) => ({ rule, maxGrade: maxGradeOf.get(rule)!, checkIds: checkIds.sort() }))
    .filter((c) => gradeRank(c.maxGrade) <= gradeRank(scoreGrade))
    .sort((a, b) => gradeRank(a.maxGrade) - gradeRank(b.maxGrade) || ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)!);
  return { score, grade: caps[0]?.maxGrade ?? scoreGrade, scoreGrade, caps };
}

export function gradeTarget(results: readonly GradableResult[], exceptedIds: ReadonlySet<string> = new Set()): TargetGrade {
  const all = gradeResults(results);
  const kept = gradeResults(results.filter((r) => !exceptedIds.has(r.id)));
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const statuses: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 };
  for (const r of results) {
    statuses[r.status] += 1;
    if (r.status === 'fail' || r.status === 'warn') counts[r.severity] += 1;
  }
  return {
    score: all.score,
    grade: all.grade,
    scoreGrade: all.scoreGrade,
    caps: all.caps,
    scoreWithExceptions: kept.score,
    gradeWithExceptions: kept.grade,
    scoreGradeWithExceptions: kept.scoreGrade,
    capsWithExceptions: kept.caps,
    counts,
    applicable: results.length - statuses.skip,
    statuses,
  };
}
