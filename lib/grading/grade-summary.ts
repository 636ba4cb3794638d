import type { GradeCap } from './grade-target';

/** One target's grade after a scan, with and without exceptions, as the store and the alert rules take it. */
export interface GradeSummary {
  score: number | null;
  grade: string | null;
  scoreGrade: string | null;
  caps: GradeCap[];
  scoreWithExceptions: number | null;
  gradeWithExceptions: string | null;
  scoreGradeWithExceptions: string | null;
  capsWithExceptions: GradeCap[];
  counts: { critical: number; high: number; medium: number; low: number };
}
