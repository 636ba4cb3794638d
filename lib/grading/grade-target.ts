import type { CheckResult, Severity } from '../checks/check-definition';
import { type Grade, gradeForScore, gradeRank } from './grade-bands';

export type GradableResult = Pick<CheckResult, 'id' | 'severity' | 'status' | 'cap'>;
export type SeverityCounts = Record<Severity, number>;

export interface TargetGrade {
  score: number | null;
  grade: Grade | null;
  scoreWithExceptions: number | null;
  gradeWithExceptions: Grade | null;
  /** why the grade is lower than the score's band, e.g. "pg.tls.enabled failed (critical): grade at most D" */
  caps: string[];
  capsWithExceptions: string[];
  /** failing checks (status fail; warn not counted) by severity, exceptions included */
  counts: SeverityCounts;
  /** checks that count towards the score: everything not skipped */
  applicable: number;
}

/** ARCHITECTURE "Score" weights. */
export const severityWeight: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };

const earnedShare = { pass: 1, warn: 0.5, fail: 0, error: 0 } as const;
const round1 = (n: number) => Math.round(n * 10) / 10;

function capGrade(grade: Grade, ceiling: Grade): Grade {
  return gradeRank(grade) > gradeRank(ceiling) ? ceiling : grade;
}

/** Score, grade and caps over the given results; skip never counts. */
function scoreOf(results: readonly GradableResult[]): { score: number | null; grade: Grade | null; caps: string[] } {
  let total = 0;
  let earned = 0;
  let ceiling: Grade | null = null;
  const caps: string[] = [];
  for (const r of results) {
    if (r.status === 'skip') continue;
    const w = severityWeight[r.severity];
    total += w;
    earned += w * earnedShare[r.status];
    if (r.cap === 'F') {
      caps.push(`${r.id} ${r.status === 'fail' ? 'failed' : r.status}: grade F`);
      ceiling = 'F';
    } else if (r.status === 'fail' && r.severity === 'critical') {
      caps.push(`${r.id} failed (critical): grade at most D`);
      ceiling = ceiling === 'F' ? 'F' : 'D';
    }
  }
  if (total === 0) return { score: null, grade: null, caps: [] };
  const score = round1((100 * earned) / total);
  // Caps apply after banding, so a 95 with a failing critical check is a D.
  const banded = gradeForScore(score);
  return { score, grade: ceiling ? capGrade(banded, ceiling) : banded, caps };
}

export function gradeTarget(results: readonly GradableResult[], exceptedIds: ReadonlySet<string> = new Set()): TargetGrade {
  const all = scoreOf(results);
  const kept = scoreOf(results.filter((r) => !exceptedIds.has(r.id)));
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const r of results) if (r.status === 'fail') counts[r.severity] += 1;
  return {
    score: all.score,
    grade: all.grade,
    scoreWithExceptions: kept.score,
    gradeWithExceptions: kept.grade,
    caps: all.caps,
    capsWithExceptions: kept.caps,
    counts,
    applicable: results.filter((r) => r.status !== 'skip').length,
  };
}
