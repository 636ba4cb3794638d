import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import type { CheckStatus, Severity } from '../../lib/checks/check-definition';
import { gradeFleet } from '../../lib/grading/grade-fleet';
import { gradeRank, isGrade, type Grade } from '../../lib/grading/grade-bands';
import { writeFleetSnapshot } from '../../lib/fleet/write-fleet-snapshot';
import { getFleetOverview } from '../../lib/services/fleet/get-fleet-overview';
import { rollupFleet } from '../../lib/services/fleet/rollup-fleet';
import { AppError } from '../../lib/errors/app-error';
import { adminCtx, editorCtx, uniqueName, viewerCtx } from '../setup/contexts';

const dayMs = 86_400_000;
const today = () => new Date(Math.floor(Date.now() / dayMs) * dayMs);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function target(score: number | null, grade: string | null, extra: { criticality?: 'low' | 'medium' | 'high' | 'critical'; failingCritical?: number } = {}) {
  return db.target.create({
    data: {
      name: uniqueName('fleet'),
      engine: 'postgresql',
      host: '127.0.0.1',
      port: 5432,
      ownerTeam: 'fleet-team',
      score,
      grade,
      gradeRank: isGrade(grade) ? gradeRank(grade) : null,
      scoreWithExceptions: score,
      gradeWithExceptions: grade,
      criticality: extra.criticality ?? 'medium',
      failingCritical: extra.failingCritical ?? 0,
      lastScanAt: score === null ? null : new Date(),
    },
    select: { id: true, name: true },
  });
}

async function state(targetId: string, checkId: string, status: CheckStatus, severity: Severity, evidence: object, changedAt = new Date()) {
  await db.checkState.create({ data: { targetId, checkId, status, severity, evidence, changedAt, firstSeenAt: changedAt, lastSeenAt: new Date() } });
}

beforeAll(async () => {
  // Only this file writes fleet snapshots (targetId null) on the shared store.
  await db.gradeSnapshot.deleteMany({ where: { targetId: null } });
  await target(88, 'B+', { criticality: 'high' });
});

describe('fleet roll-up', () => {
  it('writes exactly one fleet snapshot per day, even when several run at once', async () => {
    const at = new Date(Date.UTC(2001, 2, 3, 10));
    const [a, b] = await Promise.all([writeFleetSnapshot({ at }), writeFleetSnapshot({ at })]);
    // More rounds on fresh days give a missing lock every chance to show as a duplicate row.
    for (let d = 4; d < 10; d++) {
      const other = new Date(Date.UTC(2001, 2, d, 10));
      await Promise.all([writeFleetSnapshot({ at: other }), writeFleetSnapshot({ at: new Date(other.getTime() + 3600_000) }), writeFleetSnapshot({ at: other })]);
    }
    const rows = await db.gradeSnapshot.findMany({ where: { targetId: null, day: new Date('2001-03-03') } });
    expect(rows).toHaveLength(1);
    const perDay = await db.gradeSnapshot.groupBy({ by: ['day'], where: { targetId: null, day: { gte: new Date('2001-03-03'), lt: new Date('2001-03-10') } }, _count: true });
    expect(perDay.map((d) => d._count)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(a).toEqual(b);
    expect(a?.day).toBe('2001-03-03');

    // The snapshot matches gradeFleet over the same stored columns, computed here target by target.
    const targets = await db.target.findMany({ where: { archivedAt: null } });
    const expected = gradeFleet(
      targets.map((t) => ({
        score: t.score,
        grade: t.grade as Grade | null,
        criticality: t.criticality,
        counts: { critical: t.failingCritical, high: t.failingHigh, medium: t.failingMedium, low: t.failingLow, info: 0 },
      })),
    );
    expect(rows[0]).toMatchObject({ score: expected.score, grade: expected.grade, critical: expected.counts.critical, high: expected.counts.high });
  });

  it('only an admin may trigger it, and it is audited', async () => {
    const denied = await rollupFleet(editorCtx).then(() => null, (e: unknown) => e as AppError);
    expect(denied?.code).toBe('forbidden');
    const snapshot = await rollupFleet(adminCtx);
    expect(snapshot?.day).toBe(isoDay(today()));
    expect(await db.auditLog.count({ where: { action: 'fleet.rollup', actor: 'user:admin@test.local' } })).toBeGreaterThan(0);
  });
});

describe('fleet overview', () => {
  it('matches gradeFleet over the stored targets, with a distribution that sums to the active count', async () => {
    const low = await target(12, 'F', { criticality: 'critical', failingCritical: 2 });
    await target(null, null);
    const overview = await getFleetOverview(viewerCtx, {});
    const targets = await db.target.findMany({ where: { archivedAt: null } });
    const expected = gradeFleet(
      targets.map((t) => ({ score: t.score, grade: t.grade as Grade | null, criticality: t.criticality, counts: { critical: t.failingCritical, high: t.failingHigh, medium: t.failingMedium, low: t.failingLow, info: 0 } })),
    );
    expect(overview.now).toMatchObject({ score: expected.score, grade: expected.grade, failing: { critical: expected.counts.critical } });
    expect(overview.inventory.active).toBe(targets.length);
    expect(overview.distribution.reduce((n, d) => n + d.count, 0)).toBe(targets.length);
    expect(overview.distribution.map((d) => d.grade)).toEqual(['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F', 'ungraded']);

    // The worst list is the ten worst grades (caps included), then the lowest scores, the same as asking the store.
    const lowest = await db.target.findMany({ where: { archivedAt: null, score: { not: null } }, orderBy: [{ gradeRank: { sort: 'asc', nulls: 'last' } }, { score: 'asc' }, { name: 'asc' }], take: 10, select: { id: true } });
    expect(overview.worst.map((w) => w.id)).toEqual(lowest.map((t) => t.id));
    const ranks = overview.worst.map((w) => gradeRank(w.grade as Grade));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    const ours = overview.worst.find((w) => w.id === low.id);
    if (ours) expect(ours).toMatchObject({ grade: 'F', failing: { critical: 2 }, ownerTeam: 'fleet-team' });
  });

  it('orders the worst databases by grade, then score: an F at 93.6 comes before an A- at 90', async () => {
    const capped = await target(93.6, 'F');
    const plain = await target(90, 'A-');
    // The rest of the shared store is set aside for the moment, so both rows are surely among the ten shown.
    const others = await db.target.findMany({ where: { archivedAt: null, id: { notIn: [capped.id, plain.id] } }, select: { id: true } });
    await db.target.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { archivedAt: new Date() } });
    try {
      const overview = await getFleetOverview(viewerCtx, {});
      expect(overview.worst.map((w) => w.id)).toEqual([capped.id, plain.id]);
    } finally {
      await db.target.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { archivedAt: null } });
      await db.target.updateMany({ where: { id: { in: [capped.id, plain.id] } }, data: { archivedAt: new Date() } });
    }
  });

  it('lists expiring certificates by date, passwords due (failing first, longest first) and stale backups', async () => {
    const [a, b, c] = [await target(70, 'C-'), await target(75, 'C'), await target(80, 'B-')];
    // Dates long past put these ahead of whatever else the shared store holds.
    await state(b.id, 'cert.expiry', 'fail', 'critical', { earliestNotAfter: '2000-01-02T00:00:00.000Z', earliestSubject: 'CN=b', daysLeft: -3 });
    await state(a.id, 'cert.expiry', 'fail', 'critical', { earliestNotAfter: '2000-01-01T00:00:00.000Z', earliestSubject: 'CN=a', daysLeft: -4 });
    await state(c.id, 'cert.expiry', 'error', 'critical', { probe: 'error', message: 'no TLS' });
    const [d] = [await target(85, 'B')];
    await state(d.id, 'cert.expiry', 'pass', 'critical', { earliestNotAfter: '2000-01-01T00:00:00.000Z', earliestSubject: 'CN=d', daysLeft: 300 });
    // Failing first, then the longest in that state.
    await state(a.id, 'password.age', 'warn', 'high', { ageDays: 85, policyDays: 90, source: 'posture', validUntil: null, summary: 'rotated 85 days ago' }, new Date('2000-01-01'));
    await state(b.id, 'password.age', 'fail', 'high', { ageDays: 99_000, policyDays: 90, source: 'posture', validUntil: null, summary: 'rotated long ago' }, new Date('2000-01-03'));
    await state(c.id, 'password.age', 'fail', 'high', { ageDays: 99_500, policyDays: 90, source: 'k8s-secret', validUntil: null }, new Date('2000-01-02'));
    await state(c.id, 'password.strength', 'fail', 'medium', {});
    await state(a.id, 'backup.freshness', 'fail', 'high', { summary: 'no successful backup found (dump-dir)' }, new Date('2000-01-05'));
    await state(b.id, 'backup.wal_archiving', 'fail', 'high', { summary: 'archive_mode = off' }, new Date('2000-01-04'));
    await state(c.id, 'backup.freshness', 'pass', 'high', {}, new Date('2000-01-01'));

    const o = await getFleetOverview(viewerCtx, { days: 30 });
    expect(o.certificates.items.slice(0, 2).map((x) => [x.targetId, x.subject])).toEqual([[a.id, 'CN=a'], [b.id, 'CN=b']]);
    expect(o.certificates.items[0]!.daysLeft).toBeLessThan(-9000);
    // Only what cert.expiry flags (warn or fail) is listed: not an error without a date, not a pass.
    expect(o.certificates.items.some((x) => x.targetId === c.id || x.targetId === d.id)).toBe(false);
    expect(o.certificates.total).toBeGreaterThanOrEqual(2);
    const dates = o.certificates.items.map((x) => x.notAfter);
    expect(dates).toEqual([...dates].sort());

    const due = o.passwordsDue.items.filter((p) => [a.id, b.id, c.id].includes(p.targetId));
    expect(due.map((p) => [p.targetId, p.status])).toEqual([[c.id, 'fail'], [b.id, 'fail'], [a.id, 'warn']].slice(0, due.length));
    expect(due.length).toBeGreaterThanOrEqual(2);
    expect(due[0]).toMatchObject({ ageDays: 99_500, policyDays: 90, source: 'k8s-secret', since: '2000-01-02T00:00:00.000Z' });
    expect(o.passwordsDue.total).toBeGreaterThanOrEqual(3);
    const statuses = o.passwordsDue.items.map((p) => p.status);
    expect(statuses).toEqual([...statuses].sort((x, y) => (x === y ? 0 : x === 'fail' ? -1 : 1)));

    expect(o.staleBackups.items.slice(0, 2).map((s) => [s.targetId, s.checkId])).toEqual([[b.id, 'backup.wal_archiving'], [a.id, 'backup.freshness']]);
    expect(o.staleBackups.items[1]!.summary).toBe('no successful backup found (dump-dir)');
    expect(o.staleBackups.items.some((s) => s.targetId === c.id)).toBe(false);
    expect(o.staleBackups.total).toBeGreaterThanOrEqual(2);
  });

  it('leaves archived targets out', async () => {
    const gone = await target(1, 'F');
    await state(gone.id, 'cert.expiry', 'fail', 'critical', { earliestNotAfter: '1999-01-01T00:00:00.000Z', earliestSubject: 'CN=gone', daysLeft: -9 });
    await db.target.update({ where: { id: gone.id }, data: { archivedAt: new Date() } });
    const o = await getFleetOverview(viewerCtx);
    expect(o.certificates.items.some((x) => x.targetId === gone.id)).toBe(false);
    expect(o.worst.some((w) => w.id === gone.id)).toBe(false);
    expect(o.inventory.archived).toBeGreaterThan(0);
  });

  it('trend is one point per day from fleet snapshots; "before" is the snapshot nearest 30 days ago', async () => {
    const t0 = today().getTime();
    for (const back of [40, 31, 2, 1, 0]) await writeFleetSnapshot({ at: new Date(t0 - back * dayMs + 5 * 3600_000) });
    await writeFleetSnapshot({ at: new Date(t0 - dayMs + 9 * 3600_000) }); // the same day again: still one point

    const week = await getFleetOverview(viewerCtx, { days: 7 });
    expect(week.trendDays).toBe(7);
    expect(week.trend.map((p) => p.day)).toEqual([2, 1, 0].map((back) => isoDay(new Date(t0 - back * dayMs))));
    expect(week.before?.day).toBe(isoDay(new Date(t0 - 31 * dayMs)));
    expect(week.before?.grade).toMatch(/^[A-DF][+-]?$/);

    const quarter = await getFleetOverview(viewerCtx, { days: 90 });
    expect(quarter.trend.map((p) => p.day)).toEqual([40, 31, 2, 1, 0].map((back) => isoDay(new Date(t0 - back * dayMs))));
  });

  it('validates the window', async () => {
    await expect(getFleetOverview(viewerCtx, { days: 14 as 7 })).rejects.toMatchObject({ name: 'ZodError' });
    expect((await getFleetOverview(viewerCtx, { days: '30' as unknown as 30 })).trendDays).toBe(30);
  });
});
