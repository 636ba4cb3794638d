import { describe, expect, it } from 'vitest';
import type { CheckStatus, Severity } from '../checks/check-definition';
import { checkCatalog } from '../checks/check-catalog';
import { type GradableResult, gradeTarget } from './grade-target';
import { capRules, noProtectionChecks } from './grading-policy';

const r = (id: string, severity: Severity, status: CheckStatus, cap?: 'F'): GradableResult => (cap ? { id, severity, status, cap } : { id, severity, status });
/** n passing checks of a severity, to put the score where a case needs it */
const passing = (n: number, severity: Severity = 'high') => Array.from({ length: n }, (_, i) => r(`p.${severity}.${i}`, severity, 'pass'));

describe('gradeTarget score formula', () => {
  it.each([
    ['critical pass, high fail, medium warn', [r('c', 'critical', 'pass'), r('h', 'high', 'fail'), r('m', 'medium', 'warn')], 63.9, 'D'],
    ['all pass', [r('c', 'critical', 'pass'), r('h', 'high', 'pass')], 100, 'A+'],
    ['high warn earns half', [r('c', 'critical', 'pass'), r('h', 'high', 'warn')], 83.3, 'B'],
    ['skip is left out', [r('c', 'critical', 'pass'), r('h', 'high', 'skip'), r('m', 'medium', 'fail')], 76.9, 'C'],
    ['low and info weights', [r('l', 'low', 'fail'), r('i', 'info', 'fail'), r('m', 'medium', 'pass')], 75, 'C'],
    ['medium fail among passes', [r('c', 'critical', 'pass'), r('h1', 'high', 'pass'), r('h2', 'high', 'pass'), r('m', 'medium', 'fail')], 87, 'B+'],
  ])('%s', (_name, results, score, scoreGrade) => {
    const g = gradeTarget(results);
    expect(g.score).toBe(score);
    expect(g.scoreGrade).toBe(scoreGrade);
    expect(g.scoreWithExceptions).toBe(score);
  });

  it('rounds to one decimal and bands the rounded score (160 / 165 = 96.97 → 97.0 → A+)', () => {
    expect(gradeTarget([r('c', 'critical', 'pass'), r('m', 'medium', 'fail')]).score).toBe(76.9);
    // the band is A+, the grade B: a failing high check keeps it out of the A range
    expect(gradeTarget([...passing(16, 'critical'), r('h', 'high', 'fail')])).toMatchObject({ score: 97, scoreGrade: 'A+', grade: 'B' });
  });
});

describe('the cap table', () => {
  // 38 high passes (190) + the case's check: each score is worked out by hand in the comment.
  it.each([
    // 190 / 200 = 95.0 (A): a failing critical caps at D
    ['critical fail → D', r('x', 'critical', 'fail'), 95, 'A', 'D', 'critical-failed'],
    // 190 / 200 = 95.0: a critical check Posture could not tell caps at B ("unverified")
    ['critical error → B', r('x', 'critical', 'error'), 95, 'A', 'B', 'critical-unverified'],
    // 190 / 195 = 97.4 (A+): a failing high check keeps it out of the A range
    ['high fail → B', r('x', 'high', 'fail'), 97.4, 'A+', 'B', 'high-failed'],
    // 190 / 193 = 98.4: an untrusted chain or a name mismatch (medium) caps at B
    ['cert.trusted fail → B', r('cert.trusted', 'medium', 'fail'), 98.4, 'A+', 'B', 'identity-unverified'],
    ['cert.hostname fail → B', r('cert.hostname', 'medium', 'fail'), 98.4, 'A+', 'B', 'identity-unverified'],
    // 190 / 195: a check marked "no protection" (cap F) gives F whatever the score
    ['a marked verdict → F', r('pg.tls.required', 'high', 'fail', 'F'), 97.4, 'A+', 'F', 'no-protection'],
    // 190 / 200: a check the policy lists as no protection gives F on any failure
    ['pg.tls.enabled fail → F', r('pg.tls.enabled', 'critical', 'fail'), 95, 'A', 'F', 'no-protection'],
    ['pg.hba.no_trust fail → F', r('pg.hba.no_trust', 'critical', 'fail'), 95, 'A', 'F', 'no-protection'],
  ] as const)('%s', (_name, result, score, scoreGrade, grade, rule) => {
    const g = gradeTarget([...passing(38), result]);
    expect({ score: g.score, scoreGrade: g.scoreGrade, grade: g.grade }).toEqual({ score, scoreGrade, grade });
    expect(g.caps).toEqual([{ rule, maxGrade: grade, checkIds: [result.id] }]);
  });

  it.each([
    ['critical warn', r('x', 'critical', 'warn')],
    ['high warn', r('x', 'high', 'warn')],
    ['high error', r('x', 'high', 'error')],
    ['medium fail', r('x', 'medium', 'fail')],
    ['low fail', r('x', 'low', 'fail')],
    ['cert.trusted warn', r('cert.trusted', 'medium', 'warn')],
    ['a listed no-protection check passing', r('pg.tls.enabled', 'critical', 'pass')],
  ] as const)('%s caps nothing', (_name, result) => {
    const g = gradeTarget([...passing(38), result]);
    expect(g.caps).toEqual([]);
    expect(g.grade).toBe(g.scoreGrade);
  });

  it('a cap never raises a grade; one above the score’s grade is left out, one at it is named', () => {
    // 10 / 20 = 50 (F): the D cap of the failing critical holds nothing on an F
    const low = gradeTarget([r('c', 'critical', 'fail'), r('c2', 'critical', 'pass')]);
    expect({ grade: low.grade, scoreGrade: low.scoreGrade, caps: low.caps }).toEqual({ grade: 'F', scoreGrade: 'F', caps: [] });
    // 5 high passes + 1 high fail: 25 / 30 = 83.3 (B): the B cap holds it there, and says why
    const b = gradeTarget([...passing(5), r('h', 'high', 'fail')]);
    expect({ grade: b.grade, caps: b.caps }).toEqual({ grade: 'B', caps: [{ rule: 'high-failed', maxGrade: 'B', checkIds: ['h'] }] });
    // an expired certificate on an F score: still named, as no protection
    const expired = gradeTarget([r('cert.expiry', 'critical', 'fail', 'F'), r('c2', 'critical', 'pass')]);
    expect(expired.caps).toEqual([{ rule: 'no-protection', maxGrade: 'F', checkIds: ['cert.expiry'] }]);
  });

  it('the A range needs no failing high or critical check: the best grade with one is B', () => {
    const g = gradeTarget([...passing(200), r('h', 'high', 'fail')]);
    expect(g.score).toBe(99.5);
    expect(g.grade).toBe('B');
  });

  it('combinations: the most restrictive cap decides, every limiting one is listed, checks grouped per rule', () => {
    // 38 × 5 + 10 + 5 + 5 + 3 = 213 possible, 190 earned: 89.2 (B+)
    const g = gradeTarget([...passing(38), r('cert.expiry', 'critical', 'fail'), r('h2', 'high', 'fail'), r('h1', 'high', 'fail'), r('cert.hostname', 'medium', 'fail')]);
    expect(g.score).toBe(89.2);
    expect(g.scoreGrade).toBe('B+');
    expect(g.grade).toBe('D');
    expect(g.caps).toEqual([
      { rule: 'critical-failed', maxGrade: 'D', checkIds: ['cert.expiry'] },
      { rule: 'high-failed', maxGrade: 'B', checkIds: ['h1', 'h2'] },
      { rule: 'identity-unverified', maxGrade: 'B', checkIds: ['cert.hostname'] },
    ]);
  });

  it('F and D together: F first, then D', () => {
    const g = gradeTarget([...passing(38), r('target.reachable', 'critical', 'fail', 'F'), r('cert.expiry', 'critical', 'fail')]);
    expect(g.grade).toBe('F');
    expect(g.caps.map((c) => [c.rule, c.maxGrade])).toEqual([['no-protection', 'F'], ['critical-failed', 'D']]);
  });

  it('an unverified critical check and a failing high one: both at B, the unverified one first', () => {
    const g = gradeTarget([...passing(100), r('pg.password.encryption', 'high', 'fail'), r('pg.tls.enabled', 'critical', 'error')]);
    expect(g.grade).toBe('B');
    expect(g.caps.map((c) => c.rule)).toEqual(['critical-unverified', 'high-failed']);
  });
});

describe('exceptions', () => {
  const results = [r('c', 'critical', 'pass'), r('h', 'high', 'fail'), r('m', 'medium', 'warn')];

  it('excepted checks leave only the with-exceptions numbers', () => {
    const g = gradeTarget(results, new Set(['h']));
    expect([g.score, g.grade]).toEqual([63.9, 'D']);
    // (10 + 1.5) / 13
    expect([g.scoreWithExceptions, g.gradeWithExceptions]).toEqual([88.5, 'B+']);
  });

  it('an accepted exception lifts its cap only in the grade with exceptions', () => {
    const g = gradeTarget([...passing(38), r('cert.expiry', 'critical', 'fail')], new Set(['cert.expiry']));
    expect([g.grade, g.caps.map((c) => c.rule)]).toEqual(['D', ['critical-failed']]);
    expect([g.gradeWithExceptions, g.capsWithExceptions]).toEqual(['A+', []]);
  });

  it('an exception for an id that is not present changes nothing; excepting everything leaves no with-exceptions grade', () => {
    expect(gradeTarget(results, new Set(['nope'])).scoreWithExceptions).toBe(63.9);
    const g = gradeTarget(results, new Set(['c', 'h', 'm']));
    expect([g.scoreWithExceptions, g.gradeWithExceptions, g.scoreGradeWithExceptions]).toEqual([null, null, null]);
  });
});

describe('edge cases and counts', () => {
  it('no applicable checks → null score and grade', () => {
    expect(gradeTarget([])).toMatchObject({ score: null, grade: null, scoreGrade: null, caps: [], applicable: 0 });
    expect(gradeTarget([r('a', 'critical', 'skip')])).toMatchObject({ score: null, grade: null, applicable: 0 });
  });

  it('all errors → 0 / F', () => {
    const g = gradeTarget([r('a', 'critical', 'error'), r('b', 'high', 'error'), r('c', 'medium', 'error')]);
    expect([g.score, g.grade]).toEqual([0, 'F']);
  });

  it('counts what needs action (fail and warn) by severity, and statuses', () => {
    const g = gradeTarget([
      r('a', 'critical', 'fail'), r('b', 'high', 'fail'), r('c', 'high', 'fail'), r('d', 'medium', 'warn'),
      r('e', 'low', 'fail'), r('e2', 'low', 'warn'), r('f', 'info', 'fail'), r('g', 'high', 'error'), r('h', 'medium', 'skip'),
    ]);
    expect(g.counts).toEqual({ critical: 1, high: 2, medium: 1, low: 2, info: 1 });
    expect(g.statuses).toEqual({ pass: 0, warn: 2, fail: 5, error: 1, skip: 1 });
    expect(g.applicable).toBe(8);
  });
});

describe('the policy and the catalog agree', () => {
  it('every check the policy names exists, with a reason', () => {
    const ids = new Set(checkCatalog.map((c) => c.id));
    for (const [id, why] of Object.entries(noProtectionChecks)) {
      expect(ids.has(id), id).toBe(true);
      expect(why.length).toBeGreaterThan(10);
    }
    for (const rule of capRules) expect(rule.why.length).toBeGreaterThan(10);
  });
});
