import { describe, expect, it } from 'vitest';
import type { CheckStatus, Severity } from '../checks/check-definition';
import type { GradableResult } from './grade-target';
import { whatIfPlan } from './what-if-plan';

const r = (id: string, severity: Severity, status: CheckStatus, cap?: 'F'): GradableResult => (cap ? { id, severity, status, cap } : { id, severity, status });

describe('whatIfPlan', () => {
  it('orders by score gain and reports the cumulative score and grade', () => {
    // total weight 10 + 5 + 3 + 5 = 23
    const plan = whatIfPlan([r('c', 'critical', 'pass'), r('m', 'medium', 'fail'), r('hw', 'high', 'warn'), r('h', 'high', 'fail')]);
    expect(plan).toEqual([
      { id: 'h', severity: 'high', status: 'fail', gain: 21.7, scoreAfter: 76.1, gradeAfter: 'C' },
      { id: 'm', severity: 'medium', status: 'fail', gain: 13, scoreAfter: 89.1, gradeAfter: 'B+' },
      { id: 'hw', severity: 'high', status: 'warn', gain: 10.9, scoreAfter: 100, gradeAfter: 'A+' },
    ]);
  });

  it('errors count like failures; skips and passes are not in the plan', () => {
    const plan = whatIfPlan([r('a', 'high', 'error'), r('b', 'medium', 'skip'), r('c', 'critical', 'pass')]);
    expect(plan.map((s) => [s.id, s.gain])).toEqual([['a', 33.3]]);
  });

  it('the D cap lifts only when the last failing critical is fixed', () => {
    const many = Array.from({ length: 30 }, (_, i) => r(`p${i}`, 'high', 'pass'));
    const plan = whatIfPlan([...many, r('c1', 'critical', 'fail'), r('c2', 'critical', 'fail')]);
    expect(plan.map((s) => [s.id, s.gradeAfter])).toEqual([['c1', 'D'], ['c2', 'A+']]);
    expect(plan[0]?.scoreAfter).toBe(94.1);
  });

  it('on equal gain, a fix that lifts the F cap comes first', () => {
    const many = Array.from({ length: 20 }, (_, i) => r(`p${i}`, 'high', 'pass'));
    const plan = whatIfPlan([...many, r('a.plain', 'high', 'fail'), r('z.capped', 'high', 'fail', 'F')]);
    expect(plan.map((s) => [s.id, s.gradeAfter])).toEqual([['z.capped', 'A'], ['a.plain', 'A+']]);
  });

  it('leaves excepted checks out, and scores with exceptions', () => {
    const plan = whatIfPlan([r('c', 'critical', 'pass'), r('h', 'high', 'fail'), r('m', 'medium', 'fail')], new Set(['h']));
    expect(plan).toEqual([{ id: 'm', severity: 'medium', status: 'fail', gain: 23.1, scoreAfter: 100, gradeAfter: 'A+' }]);
  });

  it('nothing applicable or nothing open → empty plan', () => {
    expect(whatIfPlan([])).toEqual([]);
    expect(whatIfPlan([r('a', 'high', 'skip')])).toEqual([]);
    expect(whatIfPlan([r('a', 'high', 'pass')])).toEqual([]);
  });
});
