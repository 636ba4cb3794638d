export const grades = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'] as const;
export type Grade = (typeof grades)[number];

/** Lower bound of each band (ARCHITECTURE "Grade bands"); anything below 60 is F. */
const bands: readonly (readonly [number, Grade])[] = [
  [97, 'A+'], [93, 'A'], [90, 'A-'],
  [87, 'B+'], [83, 'B'], [80, 'B-'],
  [77, 'C+'], [73, 'C'], [70, 'C-'],
  [67, 'D+'], [63, 'D'], [60, 'D-'],
];

export function gradeForScore(score: number): Grade {
  for (const [min, grade] of bands) if (score >= min) return grade;
  return 'F';
}

/** Higher is better: A+ is 12, F is 0. For comparisons like `--fail-under B`. */
export function gradeRank(grade: Grade): number {
  return grades.length - 1 - grades.indexOf(grade);
}

export function isGrade(s: unknown): s is Grade {
  return typeof s === 'string' && (grades as readonly string[]).includes(s);
}
