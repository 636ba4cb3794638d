import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import type { CheckResult, CheckStatus, JsonValue } from '../../lib/checks/check-definition';
import { gradeTarget } from '../../lib/grading/grade-target';
import { persistScanResult } from '../../lib/scan/persist-scan-result';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, uniqueName } from '../setup/contexts';

function result(id: string, status: CheckStatus, evidence: Record<string, JsonValue> = {}, cap?: 'F'): CheckResult {
  return { id, title: id, area: 'tls', severity: 'high', status, summary: `${id} is ${status}`, evidence, remediation: 'fix it', compliance: [], ...(cap ? { cap } : {}) };
}

async function persist(targetId: string, results: CheckResult[], at: Date) {
  return db.$transaction((tx) => persistScanResult(tx, { targetId, results, grade: gradeTarget(results), at }));
}

async function states(targetId: string) {
  const rows = await db.checkState.findMany({ where: { targetId }, orderBy: { checkId: 'asc' } });
  return Object.fromEntries(
    rows.map((r) => [r.checkId, { status: r.status, cap: r.cap, evidence: r.evidence, first: r.firstSeenAt.toISOString(), last: r.lastSeenAt.toISOString(), changed: r.changedAt.toISOString() }]),
  );
}

describe('persisting a scan (one statement for every check state)', () => {
  it('creates, updates in place, moves changedAt only on a status change, and writes events only for changes', async () => {
    const t = await createTarget(editorCtx, { name: uniqueName('persist'), engine: 'postgresql', host: 'db.example.internal', port: 5432 });
    const t1 = new Date('2026-11-20T10:00:00.123Z');
    const t2 = new Date('2026-11-21T11:30:00.456Z');
    const t3 = new Date('2026-11-22T23:59:59.789Z');

    const first = await persist(t.id, [result('a.one', 'pass', { n: 1 }), result('b.two', 'fail', { why: 'x' }, 'F'), result('c.three', 'skip')], t1);
    expect(first.changed).toEqual([
      { checkId: 'a.one', from: null, to: 'pass' },
      { checkId: 'b.two', from: null, to: 'fail' },
      { checkId: 'c.three', from: null, to: 'skip' },
    ]);
    const at1 = t1.toISOString();
    expect(await states(t.id)).toEqual({
      'a.one': { status: 'pass', cap: null, evidence: { summary: 'a.one is pass', n: 1 }, first: at1, last: at1, changed: at1 },
      'b.two': { status: 'fail', cap: 'F', evidence: { summary: 'b.two is fail', why: 'x' }, first: at1, last: at1, changed: at1 },
      'c.three': { status: 'skip', cap: null, evidence: { summary: 'c.three is skip' }, first: at1, last: at1, changed: at1 },
    });

    // Same statuses, new evidence: rows move forward in place, nothing is "changed", no event is written.
    const second = await persist(t.id, [result('a.one', 'pass', { n: 2 }), result('b.two', 'fail', { why: 'y' }, 'F'), result('c.three', 'skip')], t2);
    expect(second.changed).toEqual([]);
    const after2 = await states(t.id);
    expect(after2['a.one']).toEqual({ status: 'pass', cap: null, evidence: { summary: 'a.one is pass', n: 2 }, first: at1, last: t2.toISOString(), changed: at1 });
    expect(after2['b.two']?.evidence).toEqual({ summary: 'b.two is fail', why: 'y' });

    // One status changes, the cap clears, and a new check appears.
    const third = await persist(t.id, [result('a.one', 'pass'), result('b.two', 'pass'), result('c.three', 'skip'), result('d.four', 'warn')], t3);
    expect(third.changed).toEqual([
      { checkId: 'b.two', from: 'fail', to: 'pass' },
      { checkId: 'd.four', from: null, to: 'warn' },
    ]);
    const after3 = await states(t.id);
    const at3 = t3.toISOString();
    expect(after3['a.one']).toMatchObject({ first: at1, last: at3, changed: at1 });
    expect(after3['b.two']).toMatchObject({ status: 'pass', cap: null, first: at1, last: at3, changed: at3 });
    expect(after3['d.four']).toMatchObject({ status: 'warn', first: at3, last: at3, changed: at3 });

    const events = await db.checkEvent.findMany({ where: { targetId: t.id }, orderBy: [{ at: 'asc' }, { checkId: 'asc' }] });
    expect(events.map((e) => [e.checkId, e.fromStatus, e.toStatus, e.at.toISOString()])).toEqual([
      ['a.one', null, 'pass', at1],
      ['b.two', null, 'fail', at1],
      ['c.three', null, 'skip', at1],
      ['b.two', 'fail', 'pass', at3],
      ['d.four', null, 'warn', at3],
    ]);

    // A retried delivery of the same scan writes nothing new.
    expect((await persist(t.id, [result('a.one', 'pass'), result('b.two', 'pass'), result('c.three', 'skip'), result('d.four', 'warn')], t3)).changed).toEqual([]);
    expect(await db.checkEvent.count({ where: { targetId: t.id } })).toBe(5);
    expect(await db.checkState.count({ where: { targetId: t.id } })).toBe(4);
  });

  it('keeps evidence text exactly, quotes and unicode included', async () => {
    const t = await createTarget(editorCtx, { name: uniqueName('persist-text'), engine: 'postgresql', host: 'db.example.internal', port: 5432 });
    const tricky = { text: `it's "quoted" \\ back\\slash, ünïcødé ✓, a $1 and a '); DROP TABLE "CheckState"; --`, list: ['x', 1, true, null] };
    await persist(t.id, [result('a.one', 'fail', tricky)], new Date());
    const row = await db.checkState.findUniqueOrThrow({ where: { targetId_checkId: { targetId: t.id, checkId: 'a.one' } } });
    expect(row.evidence).toEqual({ summary: 'a.one is fail', ...tricky });
  });
});
