import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { checksFor } from '../../lib/engines/engine-registry';
import type { CheckResult, CheckStatus } from '../../lib/checks/check-definition';
import { AppError } from '../../lib/errors/app-error';
import { gradeTarget } from '../../lib/grading/grade-target';
import { whatIfPlan } from '../../lib/grading/what-if-plan';
import { persistScanResult } from '../../lib/scan/persist-scan-result';
import { regradeTarget } from '../../lib/scan/regrade-target';
import { createTarget } from '../../lib/services/targets/create-target';
import { getTargetHistory } from '../../lib/services/targets/get-target-history';
import { getWhatIfPlan } from '../../lib/services/targets/get-what-if-plan';
import { listCheckEvents } from '../../lib/services/targets/list-check-events';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';

const dayMs = 86_400_000;
const newTarget = () => createTarget(editorCtx, { name: uniqueName('hist'), engine: 'postgresql', host: 'db.example.internal', port: 5432 });

async function expectNotFound(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('not_found');
}

/** A scan's results as the scan would persist them: every postgresql check, pass unless overridden. */
function results(overrides: Record<string, CheckStatus>, caps: Record<string, 'F'> = {}): CheckResult[] {
  return checksFor('postgresql')
    .map((c) => ({
      id: c.id,
      title: c.title,
      area: c.area,
      severity: c.severity,
      status: overrides[c.id] ?? (c.id.startsWith('k8s.') || c.id.startsWith('backup.') ? 'skip' : 'pass'),
      summary: `${c.id} seeded`,
      evidence: {},
      remediation: c.remediation,
      compliance: c.compliance,
      ...(caps[c.id] ? { cap: caps[c.id] } : {}),
    }));
}

async function scan(targetId: string, rs: CheckResult[], at: Date) {
  await db.$transaction((tx) => persistScanResult(tx, { targetId, results: rs, grade: gradeTarget(rs), at }));
}

describe('grade history', () => {
  it('returns the daily snapshots inside the window, oldest first, with and without exceptions', async () => {
    const t = await newTarget();
    const now = new Date('2026-11-26T15:00:00Z');
    const today = Date.UTC(2026, 10, 26);
    const snap = (daysAgo: number, score: number, withEx: number, grade: string) =>
      db.gradeSnapshot.create({ data: { targetId: t.id, day: new Date(today - daysAgo * dayMs), score, scoreWithExceptions: withEx, grade } });
    await snap(100, 40, 40, 'F');
    await snap(89, 55, 60, 'F');
    await snap(20, 70, 80, 'C-');
    await snap(6, 80, 90, 'B-');
    await snap(0, 86.5, 93.2, 'B');

    const h90 = await getTargetHistory(viewerCtx, { targetId: t.id, days: 90 }, now);
    expect(h90.through).toBe('2026-11-26');
    expect(h90.points).toEqual([
      { day: '2026-08-29', score: 55, scoreWithExceptions: 60, grade: 'F' },
      { day: '2026-11-06', score: 70, scoreWithExceptions: 80, grade: 'C-' },
      { day: '2026-11-20', score: 80, scoreWithExceptions: 90, grade: 'B-' },
      { day: '2026-11-26', score: 86.5, scoreWithExceptions: 93.2, grade: 'B' },
    ]);
    expect((await getTargetHistory(viewerCtx, { targetId: t.id, days: 7 }, now)).points.map((p) => p.day)).toEqual(['2026-11-20', '2026-11-26']);
    expect((await getTargetHistory(viewerCtx, { targetId: t.id }, now)).days).toBe(90);
    expect(h90.dayOne).toEqual([]);
  });

  it("on day one (fewer than two daily points) lists the day's scans, oldest first, so the chart has a line", async () => {
    const t = await newTarget();
    const now = new Date('2026-11-26T15:00:00Z');
    await db.gradeSnapshot.create({ data: { targetId: t.id, day: new Date(Date.UTC(2026, 10, 26)), score: 70, scoreWithExceptions: 70, grade: 'C-' } });
    const done = (iso: string, score: number, grade: string, status: 'succeeded' | 'failed' = 'succeeded') =>
      db.scan.create({ data: { targetId: t.id, trigger: 'manual', status, slot: `manual:${uniqueName('d1')}`, finishedAt: new Date(iso), score: status === 'failed' ? null : score, grade } });
    await done('2026-11-25T23:00:00Z', 10, 'F'); // yesterday
    await done('2026-11-26T09:00:00Z', 55, 'F');
    await done('2026-11-26T10:00:00Z', 0, 'F', 'failed');
    await done('2026-11-26T14:00:00Z', 70, 'C-');
    const h = await getTargetHistory(viewerCtx, { targetId: t.id }, now);
    expect(h.points).toHaveLength(1);
    expect(h.dayOne).toEqual([
      { at: '2026-11-26T09:00:00.000Z', score: 55, grade: 'F' },
      { at: '2026-11-26T14:00:00.000Z', score: 70, grade: 'C-' },
    ]);
  });

  it('treats unknown and malformed ids as not found, and refuses a silly window', async () => {
    await expectNotFound(getTargetHistory(viewerCtx, { targetId: '00000000-0000-4000-8000-00000000dead' }));
    await expectNotFound(getTargetHistory(viewerCtx, { targetId: 'nope' }));
    const t = await newTarget();
    const bad = await getTargetHistory(viewerCtx, { targetId: t.id, days: 0 }).then(() => null, (e: unknown) => e);
    expect(bad).toMatchObject({ name: 'ZodError' });
  });
});

describe('check status changes', () => {
  it('lists what scans changed, newest first, with catalog titles', async () => {
    const t = await newTarget();
    const t0 = new Date(Date.now() - 3 * 3600_000);
    await scan(t.id, results({ 'password.strength': 'fail' }), t0);
    await scan(t.id, results({ 'password.strength': 'fail' }), new Date(t0.getTime() + 3600_000)); // nothing changes
    await scan(t.id, results({ 'password.strength': 'pass', 'cert.expiry': 'warn' }), new Date(t0.getTime() + 7200_000));

    const events = await listCheckEvents(viewerCtx, { targetId: t.id, limit: 3 });
    expect(events).toHaveLength(3);
    expect(events.slice(0, 2).map((e) => [e.checkId, e.from, e.to]).sort()).toEqual([
      ['cert.expiry', 'pass', 'warn'],
      ['password.strength', 'fail', 'pass'],
    ]);
    expect(events[0]).toMatchObject({ at: new Date(t0.getTime() + 7200_000).toISOString() });
    expect(events.find((e) => e.checkId === 'cert.expiry')?.title).toBe('Certificate is not about to expire');
    // the first scan's events have no "from"
    expect(events[2]).toMatchObject({ from: null, at: t0.toISOString() });

    const all = await listCheckEvents(viewerCtx, { targetId: t.id });
    const firstScan = checksFor('postgresql').length;
    expect(all).toHaveLength(Math.min(20, firstScan + 2));
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
  });

  it('is empty before the first scan; unknown ids are not found', async () => {
    const t = await newTarget();
    expect(await listCheckEvents(viewerCtx, { targetId: t.id, limit: 5 })).toEqual([]);
    await expectNotFound(listCheckEvents(viewerCtx, { targetId: '00000000-0000-4000-8000-00000000beef' }));
  });
});

describe('what-if plan from stored states', () => {
  it('orders the known problems by the grade they lift, leaves errors and accepted exceptions out', async () => {
    const t = await newTarget();
    const rs = results(
      { 'cert.expiry': 'fail', 'password.strength': 'fail', 'pg.tls.required': 'warn', 'cert.hostname': 'error' },
      { 'cert.expiry': 'F' },
    );
    await scan(t.id, rs, new Date());

    const plan = await getWhatIfPlan(viewerCtx, t.id);
    expect(plan.grade).toBe('F');
    expect(plan.acceptedExceptions).toBe(0);
    // the F cap first, then the medium fail (3) before the high warn's half of 5; the error stays out of the plan
    expect(plan.steps.map((s) => [s.checkId, s.status])).toEqual([
      ['cert.expiry', 'fail'],
      ['password.strength', 'fail'],
      ['pg.tls.required', 'warn'],
    ]);
    expect(plan.steps[0]?.title).toBe('Certificate is not about to expire');
    expect(plan.steps[0]?.gradeAfter).not.toBe('F');
    expect(plan.errored).toBe(1);
    // cert.hostname could not be told, so the plan cannot promise 100
    expect(plan.steps.at(-1)!.scoreAfter).toBeLessThan(100);
    // the same plan the pure function gives for the same states
    expect(plan.steps.map((s) => s.gain)).toEqual(whatIfPlan(rs).steps.map((s) => s.gain));
    expect(plan.goal).toBe('A-');
    expect(plan.steps[plan.stepsToGoal - 1]!.scoreAfter).toBeGreaterThanOrEqual(90);
    expect(plan.stepsToGoal === 1 || plan.steps[plan.stepsToGoal - 2]!.scoreAfter < 90).toBe(true);

    // A fleet-wide exception for cert.expiry takes it (and its cap) out of the plan.
    const ex = await db.exception.create({ data: { checkId: 'cert.expiry', reason: 'renewal booked', expiresAt: new Date(Date.now() + dayMs) } });
    try {
      await db.$transaction((tx) => regradeTarget(tx, t.id));
      const excepted = await getWhatIfPlan(viewerCtx, t.id);
      expect(excepted.acceptedExceptions).toBe(1);
      expect(excepted.steps.map((s) => s.checkId)).toEqual(['password.strength', 'pg.tls.required']);
      expect(excepted.grade).toBe('F');
      expect(excepted.gradeWithExceptions).not.toBe('F');
      expect(excepted.scoreWithExceptions).toBeGreaterThan(excepted.score ?? 0);
    } finally {
      await db.exception.delete({ where: { id: ex.id } });
    }
  });

  it('is empty for a target never scanned; unknown ids are not found', async () => {
    const t = await newTarget();
    expect(await getWhatIfPlan(viewerCtx, t.id)).toMatchObject({ steps: [], grade: null, acceptedExceptions: 0 });
    await expectNotFound(getWhatIfPlan(viewerCtx, '00000000-0000-4000-8000-00000000cafe'));
  });
});
