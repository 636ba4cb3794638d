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
    // the weighted mean's own band; the fleet caps are tested below
    const f = gradeFleet(targets);
    expect(f.score).toBe(score);
    expect(f.scoreGrade).toBe(grade);
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

describe('fleet caps', () => {
  const medium = (score: number, grade?: Grade) => t(score, 'medium', zero, grade);

  it('a quarter of the graded databases at F caps the fleet at C; exactly a quarter counts, just under does not', () => {
    // 3 × 100 + 1 F at 95 (capped): mean 98.8 (A+), one of four at F
    const quarter = gradeFleet([medium(100), medium(100), medium(100), medium(95, 'F')]);
    expect({ score: quarter.score, scoreGrade: quarter.scoreGrade, grade: quarter.grade }).toEqual({ score: 98.8, scoreGrade: 'A+', grade: 'C' });
    expect(quarter.caps).toEqual([{ rule: 'fleet-quarter-failing', maxGrade: 'C', databases: 1 }]);
    const under = gradeFleet([medium(100), medium(100), medium(100), medium(100), medium(95, 'F')]);
    expect([under.grade, under.caps]).toEqual(['A+', []]);
  });

  it('half or more at F caps it at D, listing the quarter rule after it', () => {
    const f = gradeFleet([medium(100), medium(94, 'F')]);
    expect(f.grade).toBe('D');
    expect(f.caps.map((c) => [c.rule, c.maxGrade])).toEqual([['fleet-half-failing', 'D'], ['fleet-quarter-failing', 'C']]);
  });

  it('one high- or critical-criticality database at F caps the fleet at B−, however many healthy ones surround it', () => {
    const healthy = Array.from({ length: 20 }, () => medium(100));
    const f = gradeFleet([...healthy, t(96, 'critical', zero, 'F')]);
    // (20 × 2 × 100 + 4 × 96) / 44 = 99.6
    expect([f.score, f.scoreGrade, f.grade]).toEqual([99.6, 'A+', 'B-']);
    expect(f.caps).toEqual([{ rule: 'fleet-important-failing', maxGrade: 'B-', databases: 1 }]);
    expect(gradeFleet([...healthy, t(96, 'medium', zero, 'F')]).grade).toBe('A+');
  });

  it('caps never raise the fleet grade, and ungraded databases do not count towards the share', () => {
    const f = gradeFleet([medium(40, 'F'), medium(50, 'F'), t(null, 'critical')]);
    expect([f.grade, f.caps]).toEqual(['F', []]);
    const share = gradeFleet([medium(100), medium(100), medium(100), medium(90, 'F'), t(null, 'low'), t(null, 'low')]);
    expect(share.caps.map((c) => c.rule)).toEqual(['fleet-quarter-failing']);
  });

  it('pre-aggregated groups count their members', () => {
    const f = gradeFleet([{ ...medium(100), targets: 3 }, { ...t(90, 'high', zero, 'F'), targets: 1 }]);
    expect(f.caps).toEqual([
      { rule: 'fleet-quarter-failing', maxGrade: 'C', databases: 1 },
      { rule: 'fleet-important-failing', maxGrade: 'B-', databases: 1 },
    ]);
  });
});
