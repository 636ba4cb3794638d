import { describe, expect, it } from 'vitest';
import type { Grade } from './grade-bands';
import { type Criticality, gradeFleet } from './grade-fleet';

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const t = (score: number | null, criticality: Criticality, counts = zero, grade?: Grade | null) => ({ score, criticality, counts, ...(grade === undefined ? {} : { grade }) });

describe('gradeFleet', () => {
  it.each([
    ['equal criticality is a plain mean', [t(90, 'medium'), t(70, 'medium')], 80, 'B-'],
    ['critical weighs 4, low 1', [t(100, 'critical'), t(50, 'low')], 90, 'A-'],
    ['high weighs 3, medium 2', [t(60, 'high'), t(85, 'medium')], 70, 'C-'],
    ['all four weights', [t(100, 'low'), t(90, 'medium'), t(80, 'high'), t(70, 'critical')], 80, 'B-'],
    ['rounded to one decimal', [t(100, 'high'), t(0, 'high'), t(100, 'high')], 66.7, 'D'],
    ['a null score is left out of the mean', [t(100, 'low'), t(null, 'critical')], 100, 'A+'],
  ] as const)('%s → %s %s', (_name, targets, score, grade) => {
    const f = gradeFleet(targets);
    expect(f.score).toBe(score);
    expect(f.grade).toBe(grade);
  });

  it('no graded targets → null', () => {
    expect(gradeFleet([])).toMatchObject({ score: null, grade: null, targets: 0, graded: 0 });
    expect(gradeFleet([t(null, 'high')])).toMatchObject({ score: null, grade: null, targets: 1, graded: 0 });
  });

  it('sums failing-check counts over every target, ungraded included', () => {
    const f = gradeFleet([
      t(50, 'low', { critical: 1, high: 2, medium: 0, low: 0, info: 0 }),
      t(90, 'high', { critical: 0, high: 1, medium: 3, low: 1, info: 0 }),
      t(null, 'medium', { critical: 0, high: 0, medium: 0, low: 0, info: 2 }),
    ]);
    expect(f.counts).toEqual({ critical: 1, high: 3, medium: 3, low: 1, info: 2 });
  });

  it('distribution uses each target’s own capped grade when given, else its band, and counts ungraded', () => {
    const f = gradeFleet([t(95, 'high', zero, 'D'), t(95, 'high'), t(40, 'low'), t(null, 'low'), t(null, 'critical')]);
    expect(f.distribution).toMatchObject({ D: 1, A: 1, F: 1, ungraded: 2, 'A+': 0 });
    expect(Object.values(f.distribution).reduce((a, b) => a + b, 0)).toBe(5);
    expect([f.targets, f.graded]).toEqual([5, 3]);
  });

  it('a pre-aggregated group counts as that many targets with its mean score', () => {
    const one = (score: number, criticality: Criticality) => t(score, criticality);
    const expanded = gradeFleet([one(80, 'high'), one(80, 'high'), one(80, 'high'), one(40, 'low'), t(null, 'low')]);
    const grouped = gradeFleet([
      { ...t(80, 'high', { critical: 3, high: 0, medium: 0, low: 0, info: 0 }), targets: 3 },
      t(40, 'low'),
      { ...t(null, 'low'), targets: 1 },
    ]);
    expect(grouped.score).toBe(expanded.score);
    expect(grouped.distribution).toEqual(expanded.distribution);
    expect(grouped.counts.critical).toBe(3);
    expect([grouped.targets, grouped.graded]).toEqual([5, 4]);
  });
});
