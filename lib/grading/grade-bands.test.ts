import { describe, expect, it } from 'vitest';
import { gradeForScore, gradeRank, grades, isGrade } from './grade-bands';

describe('gradeForScore', () => {
  it.each([
    [100, 'A+'], [97, 'A+'], [96.99, 'A'], [93, 'A'], [92.99, 'A-'], [90, 'A-'], [89.99, 'B+'],
    [87, 'B+'], [86.99, 'B'], [83, 'B'], [82.99, 'B-'], [80, 'B-'], [79.99, 'C+'],
    [77, 'C+'], [76.99, 'C'], [73, 'C'], [72.99, 'C-'], [70, 'C-'], [69.99, 'D+'],
    [67, 'D+'], [66.99, 'D'], [63, 'D'], [62.99, 'D-'], [60, 'D-'], [59.99, 'F'], [0, 'F'],
  ] as const)('%s → %s', (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });
});

describe('gradeRank / isGrade', () => {
  it('ranks A+ highest and F lowest, strictly decreasing through the bands', () => {
    expect(gradeRank('A+')).toBe(12);
    expect(gradeRank('F')).toBe(0);
    const ranks = grades.map(gradeRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(ranks).size).toBe(13);
  });

  it.each([
    ['B', 'B-', true], ['B-', 'B', false], ['A-', 'B+', true], ['D', 'F', true], ['F', 'D-', false],
  ] as const)('%s outranks %s: %s', (a, b, expected) => {
    expect(gradeRank(a) > gradeRank(b)).toBe(expected);
  });

  it.each([['A+', true], ['A-', true], ['F', true], ['A−', false], ['E', false], ['a', false], ['', false], [3, false]] as const)(
    'isGrade(%j) = %s',
    (s, expected) => {
      expect(isGrade(s)).toBe(expected);
    },
  );
});
