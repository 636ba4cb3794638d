import { describe, expect, it } from 'vitest';
import type { CheckStatus, Severity } from '../checks/check-definition';
import type { GradableResult } from './grade-target';
import { whatIfPlan } from './what-if-plan';

const r = (id: string, severity: Severity, status: CheckStatus, cap?: 'F'): GradableResult => (cap ? { id, severity, status, cap } : { id, severity, status });
const passing = (n: number, severity: Severity = 'high') => Array.from({ length: n }, (_, i) => r(`p${i}`, severity, 'pass'));
const steps = (plan: ReturnType<typeof whatIfPlan>) => plan.steps.map((s) => [s.id, s.scoreAfter, s.gradeAfter]);

describe('whatIfPlan', () => {
  it('orders by the grade each fix lifts, then the score, with cumulative scores and grades', () => {
    // total 10 + 3 + 5 + 5 = 23, earned 12.5: 54.3 (F); h → (10 + 5 + 2.5) / 23 = 76.1 C; m → 89.1 B+; hw → 100 A+.
    // Each gain is the step's change in the shown score.
    const plan = whatIfPlan([r('c', 'critical', 'pass'), r('m', 'medium', 'fail'), r('hw', 'high', 'warn'), r('h', 'high', 'fail')]);
    expect(plan.steps).toEqual([
      { id: 'h', severity: 'high', status: 'fail', gain: 21.8, scoreAfter: 76.1, gradeAfter: 'C' },
      { id: 'm', severity: 'medium', status: 'fail', gain: 13, scoreAfter: 89.1, gradeAfter: 'B+' },
      { id: 'hw', severity: 'high', status: 'warn', gain: 10.9, scoreAfter: 100, gradeAfter: 'A+' },
    ]);
    expect([plan.ran, plan.errored, plan.skipped]).toEqual([4, 0, 0]);
  });

  it('a fix that lifts a cap comes before a bigger score gain that does not', () => {
    // 40 high passes (200) + a failing critical (10) + 5 medium fails (15): score 200 / 225 = 88.9 (B+), capped at D.
    // Fixing the critical: 210 / 225 = 93.3, A; fixing any one medium: 203 / 225 = 90.2 but still D.
    const mediums = Array.from({ length: 5 }, (_, i) => r(`m${i}`, 'medium', 'fail'));
    const plan = whatIfPlan([...passing(40), r('crit', 'critical', 'fail'), ...mediums]);
    expect(steps(plan)[0]).toEqual(['crit', 93.3, 'A']);
  });

  it('the D cap lifts only when the last failing critical is fixed', () => {
    const plan = whatIfPlan([...passing(30), r('c1', 'critical', 'fail'), r('c2', 'critical', 'fail')]);
    expect(steps(plan)).toEqual([['c1', 94.1, 'D'], ['c2', 100, 'A+']]);
  });

  it('on an equal grade and score, the F cap goes first (no protection), then by id', () => {
    const plan = whatIfPlan([...passing(20), r('a.plain', 'high', 'fail'), r('z.capped', 'high', 'fail', 'F')]);
    // 100 / 110 = 90.9; fixing z.capped: 105 / 110 = 95.5, lifted from F to B (a.plain still fails a high check)
    expect(steps(plan)).toEqual([['z.capped', 95.5, 'B'], ['a.plain', 100, 'A+']]);
  });

  it('errors are not in the plan and keep their caps: a critical check Posture could not tell holds the plan at B', () => {
    const plan = whatIfPlan([...passing(40), r('unknown', 'critical', 'error'), r('h', 'high', 'fail'), r('s', 'medium', 'skip')]);
    // 205 / 215 = 95.3 (A) after the fix, but the unverified critical keeps it at B
    expect(steps(plan)).toEqual([['h', 95.3, 'B']]);
    expect([plan.ran, plan.errored, plan.skipped]).toEqual([41, 1, 1]);
  });

  it('leaves excepted checks out, and scores with exceptions', () => {
    const plan = whatIfPlan([r('c', 'critical', 'pass'), r('h', 'high', 'fail'), r('m', 'medium', 'fail')], new Set(['h']));
    expect(plan.steps).toEqual([{ id: 'm', severity: 'medium', status: 'fail', gain: 23.1, scoreAfter: 100, gradeAfter: 'A+' }]);
    expect(plan.ran).toBe(2);
  });

  it('nothing applicable or nothing open → no steps', () => {
    expect(whatIfPlan([]).steps).toEqual([]);
    expect(whatIfPlan([r('a', 'high', 'skip')])).toEqual({ steps: [], ran: 0, errored: 0, skipped: 1 });
    expect(whatIfPlan([r('a', 'high', 'pass')]).steps).toEqual([]);
  });
});
