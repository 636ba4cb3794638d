import { describe, expect, it } from 'vitest';
import type { CheckStatus, Severity } from '../checks/check-definition';
import { type GradableResult, gradeTarget } from './grade-target';

const r = (id: string, severity: Severity, status: CheckStatus, cap?: 'F'): GradableResult => (cap ? { id, severity, status, cap } : { id, severity, status });

describe('gradeTarget score formula', () => {
  it.each([
    ['critical pass, high fail, medium warn', [r('c', 'critical', 'pass'), r('h', 'high', 'fail'), r('m', 'medium', 'warn')], 63.9, 'D'],
    ['all pass', [r('c', 'critical', 'pass'), r('h', 'high', 'pass')], 100, 'A+'],
    ['high error earns nothing', [r('c', 'critical', 'pass'), r('h', 'high', 'error')], 66.7, 'D'],
    ['high warn earns half', [r('c', 'critical', 'pass'), r('h', 'high', 'warn')], 83.3, 'B'],
    ['skip is left out', [r('c', 'critical', 'pass'), r('h', 'high', 'skip'), r('m', 'medium', 'fail')], 76.9, 'C'],
    ['low and info weights', [r('l', 'low', 'fail'), r('i', 'info', 'fail'), r('m', 'medium', 'pass')], 75, 'C'],
    ['medium fail among passes', [r('c', 'critical', 'pass'), r('h1', 'high', 'pass'), r('h2', 'high', 'pass'), r('m', 'medium', 'fail')], 87, 'B+'],
  ])('%s', (_name, results, score, grade) => {
    const g = gradeTarget(results);
    expect(g.score).toBe(score);
    expect(g.grade).toBe(grade);
    expect(g.scoreWithExceptions).toBe(score);
  });

  it('rounds to one decimal', () => {
    // 10 / 13 = 76.923… → 76.9
    expect(gradeTarget([r('c', 'critical', 'pass'), r('m', 'medium', 'fail')]).score).toBe(76.9);
  });

  it('bands the rounded score, so the shown score and grade agree (96.97 → 97.0 → A+)', () => {
    // 160 / 165 = 96.969…: A on the raw value, but shown as 97.0
    const results = [...Array.from({ length: 16 }, (_, i) => r(`c${i}`, 'critical', 'pass')), r('h', 'high', 'fail')];
    expect(gradeTarget(results)).toMatchObject({ score: 97, grade: 'A+' });
  });
});

describe('gradeTarget caps', () => {
  it('a failing critical check caps a 95 at D', () => {
    // 38 × 5 of 38 × 5 + 10 = 190 / 200
    const results = [...Array.from({ length: 38 }, (_, i) => r(`h${i}`, 'high', 'pass')), r('crit', 'critical', 'fail')];
    const g = gradeTarget(results);
    expect(g.score).toBe(95);
    expect(g.grade).toBe('D');
    expect(g.caps).toEqual(['crit failed (critical): grade at most D']);
  });

  it('the D cap never raises a lower grade', () => {
    const g = gradeTarget([r('c', 'critical', 'fail'), r('h', 'high', 'pass')]);
    expect(g.score).toBe(33.3);
    expect(g.grade).toBe('F');
  });

  it('a critical warn or error does not cap', () => {
    const many = Array.from({ length: 20 }, (_, i) => r(`h${i}`, 'high', 'pass'));
    // 105 / 110 = 95.5: A, not capped at D
    expect(gradeTarget([...many, r('c', 'critical', 'warn')]).grade).toBe('A');
    expect(gradeTarget([...many, r('c', 'critical', 'error')]).caps).toEqual([]);
  });

  it('cap F gives F whatever the score', () => {
    const many = Array.from({ length: 40 }, (_, i) => r(`h${i}`, 'high', 'pass'));
    const g = gradeTarget([...many, r('pg.tls.required', 'high', 'fail', 'F')]);
    expect(g.score).toBe(97.6);
    expect(g.grade).toBe('F');
    expect(g.caps).toEqual(['pg.tls.required failed: grade F']);
  });

  it('cap F and a critical failure together: F, both reasons', () => {
    const g = gradeTarget([r('target.reachable', 'critical', 'fail', 'F'), r('cert.expiry', 'critical', 'fail'), r('h', 'high', 'pass')]);
    expect(g.grade).toBe('F');
    expect(g.caps).toHaveLength(2);
  });
});

describe('gradeTarget exceptions', () => {
  const results = [r('c', 'critical', 'pass'), r('h', 'high', 'fail'), r('m', 'medium', 'warn')];

  it('excepted checks leave only the with-exceptions numbers', () => {
    const g = gradeTarget(results, new Set(['h']));
    expect([g.score, g.grade]).toEqual([63.9, 'D']);
    // (10 + 1.5) / 13
    expect([g.scoreWithExceptions, g.gradeWithExceptions]).toEqual([88.5, 'B+']);
    expect(g.counts.high).toBe(1);
  });

  it("an excepted check's cap does not apply with exceptions", () => {
    const capped = [...Array.from({ length: 10 }, (_, i) => r(`h${i}`, 'high', 'pass')), r('cert.expiry', 'critical', 'fail', 'F')];
    const g = gradeTarget(capped, new Set(['cert.expiry']));
    expect(g.grade).toBe('F');
    expect(g.gradeWithExceptions).toBe('A+');
    expect(g.capsWithExceptions).toEqual([]);
  });

  it("an excepted critical failure's D cap does not apply with exceptions", () => {
    // 50 / 60 = 83.3 would be B; the failing critical caps it at D
    const g = gradeTarget([...Array.from({ length: 10 }, (_, i) => r(`h${i}`, 'high', 'pass')), r('c', 'critical', 'fail')], new Set(['c']));
    expect([g.score, g.grade]).toEqual([83.3, 'D']);
    expect(g.gradeWithExceptions).toBe('A+');
  });

  it('an exception for an id that is not present changes nothing', () => {
    const g = gradeTarget(results, new Set(['nope']));
    expect(g.scoreWithExceptions).toBe(g.score);
  });

  it('excepting every applicable check leaves no with-exceptions score', () => {
    const g = gradeTarget(results, new Set(['c', 'h', 'm']));
    expect([g.scoreWithExceptions, g.gradeWithExceptions]).toEqual([null, null]);
    expect(g.score).toBe(63.9);
  });
});

describe('gradeTarget edge cases', () => {
  it('no applicable checks → null score and grade', () => {
    const g = gradeTarget([]);
    expect(g).toMatchObject({ score: null, grade: null, scoreWithExceptions: null, gradeWithExceptions: null, applicable: 0 });
  });

  it('all skipped → null, applicable 0', () => {
    const g = gradeTarget([r('a', 'critical', 'skip'), r('b', 'high', 'skip')]);
    expect([g.score, g.grade, g.applicable]).toEqual([null, null, 0]);
  });

  it('all errors → 0 / F', () => {
    const g = gradeTarget([r('a', 'critical', 'error'), r('b', 'high', 'error'), r('c', 'medium', 'error')]);
    expect([g.score, g.grade]).toEqual([0, 'F']);
    expect(g.caps).toEqual([]);
  });

  it('counts failing checks by severity (warn, error, skip not counted) and applicable excludes skip', () => {
    const g = gradeTarget([
      r('a', 'critical', 'fail'), r('b', 'high', 'fail'), r('c', 'high', 'fail'), r('d', 'medium', 'warn'),
      r('e', 'low', 'fail'), r('f', 'info', 'fail'), r('g', 'high', 'error'), r('h', 'medium', 'skip'),
    ]);
    expect(g.counts).toEqual({ critical: 1, high: 2, medium: 0, low: 1, info: 1 });
    expect(g.applicable).toBe(7);
  });
});
