import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { AppError } from '../../lib/errors/app-error';
import { errorResponse } from '../../lib/http/api-route';
import { exceptionExpiryJob } from '../../lib/jobs/exception-expiry-job';
import { allJobs } from '../../lib/jobs/all-jobs';
import { createException } from '../../lib/services/exceptions/create-exception';
import { listExceptions } from '../../lib/services/exceptions/list-exceptions';
import { revokeException } from '../../lib/services/exceptions/revoke-exception';
import { listTargetChecks } from '../../lib/services/checks/list-target-checks';
import { adminCtx, editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { ensureTestUsers, seedGradedTarget } from '../support/seed-graded-target';

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

/** A failing high check among passes: 23 of 28 weight points earned, so 82.1 (B−), and 100 once the failure is accepted. */
const states = [
  { checkId: 'target.reachable', status: 'pass', severity: 'critical' },
  { checkId: 'pg.tls.enabled', status: 'pass', severity: 'critical' },
  { checkId: 'pg.tls.required', status: 'fail', severity: 'high' },
  { checkId: 'cert.hostname', status: 'pass', severity: 'medium' },
] as const;

const seed = () => seedGradedTarget(uniqueName('exc'), [...states]);
const grades = (id: string) => db.target.findUniqueOrThrow({ where: { id }, select: { score: true, grade: true, scoreWithExceptions: true, gradeWithExceptions: true } });
const accept = (targetId: string, extra: Partial<{ checkId: string; reason: string; expiresAt: string }> = {}) =>
  createException(editorCtx, { targetId, checkId: 'pg.tls.required', reason: 'Legacy clients cannot do TLS until Q3 migration', expiresAt: inDays(30), ...extra });

async function failure(p: Promise<unknown>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeTruthy();
  return e;
}

/** What the API would answer for this error: status and envelope. */
async function asHttp(e: unknown) {
  const res = errorResponse(e);
  return { status: res.status, body: (await res.json()) as { error: { code: string; details?: { path: string; message: string }[] } } };
}

beforeAll(ensureTestUsers);

describe('accepting a risk', () => {
  it('raises scoreWithExceptions at once and leaves score alone; audited; shown on the check', async () => {
    const t = await seed();
    expect(await grades(t.id)).toEqual({ score: 82.1, grade: 'B-', scoreWithExceptions: 82.1, gradeWithExceptions: 'B-' });

    const e = await accept(t.id);
    expect(e).toMatchObject({ targetId: t.id, targetName: t.name, checkId: 'pg.tls.required', state: 'active', createdBy: 'editor@test.local', revokedAt: null });
    expect(await grades(t.id)).toEqual({ score: 82.1, grade: 'B-', scoreWithExceptions: 100, gradeWithExceptions: 'A+' });

    const audit = await db.auditLog.findMany({ where: { entity: 'exception', entityId: e.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'exception.create', actor: 'user:editor@test.local' });
    expect(audit[0]!.diff).toMatchObject({ targetId: t.id, checkId: 'pg.tls.required', reason: 'Legacy clients cannot do TLS until Q3 migration' });

    const checks = await listTargetChecks(viewerCtx, t.id);
    expect(checks.find((c) => c.id === 'pg.tls.required')?.exception).toEqual({ id: e.id, expiresAt: e.expiresAt, reason: e.reason });
    expect(checks.find((c) => c.id === 'cert.hostname')?.exception).toBeNull();
  });

  it('refuses an expiry more than a year away or in the past, naming the field (400)', async () => {
    const t = await seed();
    for (const expiresAt of [inDays(400), inDays(-1)]) {
      const { status, body } = await asHttp(await failure(accept(t.id, { expiresAt })));
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.details?.map((d) => d.path)).toEqual(['expiresAt']);
    }
    const short = await asHttp(await failure(accept(t.id, { reason: 'because' })));
    expect(short.status).toBe(400);
    expect(short.body.error.details?.map((d) => d.path)).toEqual(['reason']);
    const unknown = await asHttp(await failure(accept(t.id, { checkId: 'no.such.check' })));
    expect(unknown.body.error.details?.map((d) => d.path)).toEqual(['checkId']);
    expect(await db.exception.count({ where: { targetId: t.id } })).toBe(0);
    expect((await grades(t.id)).scoreWithExceptions).toBe(82.1);
  });

  it('allows one active exception per (target, check): a second is a conflict', async () => {
    const t = await seed();
    await accept(t.id);
    const { status, body } = await asHttp(await failure(accept(t.id, { expiresAt: inDays(60) })));
    expect(status).toBe(409);
    expect(body.error.code).toBe('conflict');
    expect(await db.exception.count({ where: { targetId: t.id } })).toBe(1);
    // a different check on the same target is fine
    await accept(t.id, { checkId: 'cert.hostname' });
  });

  it('is forbidden to viewers, for accepting and for revoking', async () => {
    const t = await seed();
    const denied = (await failure(createException(viewerCtx, { targetId: t.id, checkId: 'pg.tls.required', reason: 'viewer tries to accept', expiresAt: inDays(10) }))) as AppError;
    expect(denied.code).toBe('forbidden');
    const e = await accept(t.id);
    expect(((await failure(revokeException(viewerCtx, e.id))) as AppError).code).toBe('forbidden');
    expect(await db.exception.count({ where: { targetId: t.id } })).toBe(1);
  });

  it('an unknown database is not found', async () => {
    const e = (await failure(accept('00000000-0000-4000-8000-00000000dead'))) as AppError;
    expect(e.code).toBe('not_found');
  });
});

describe('ending a risk acceptance', () => {
  it('revoking drops scoreWithExceptions back at once, is audited, and cannot happen twice', async () => {
    const t = await seed();
    const e = await accept(t.id);
    expect((await grades(t.id)).scoreWithExceptions).toBe(100);
    const revoked = await revokeException(adminCtx, e.id);
    expect(revoked.state).toBe('revoked');
    expect(await grades(t.id)).toMatchObject({ score: 82.1, scoreWithExceptions: 82.1 });
    const audit = await db.auditLog.findMany({ where: { entity: 'exception', entityId: e.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['exception.create', 'user:editor@test.local'],
      ['exception.revoke', 'user:admin@test.local'],
    ]);
    expect(((await failure(revokeException(adminCtx, e.id))) as AppError).code).toBe('conflict');
    // once revoked, the same risk may be accepted again
    await accept(t.id);
  });

  it('expiry reopens the finding: the expiry job re-grades without a rescan, once', async () => {
    const expiryJob = allJobs.find((j) => j.name === 'exception-expiry');
    expect(expiryJob?.cron).toBe('*/5 * * * *');
    const t = await seed();
    const e = await accept(t.id);
    expect((await grades(t.id)).scoreWithExceptions).toBe(100);

    // Time passes: the exception ran out a minute ago.
    await db.exception.update({ where: { id: e.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await grades(t.id)).scoreWithExceptions).toBe(100);
    await exceptionExpiryJob.handler({}, { boss: undefined as never });
    expect(await grades(t.id)).toMatchObject({ score: 82.1, scoreWithExceptions: 82.1, gradeWithExceptions: 'B-' });

    const expired = await db.auditLog.findMany({ where: { entity: 'exception', entityId: e.id, action: 'exception.expire' } });
    expect(expired).toHaveLength(1);
    expect(expired[0]!.actor).toBe('system:exception-expiry');
    // Already accounted for: a second run writes nothing more.
    await exceptionExpiryJob.handler({}, { boss: undefined as never });
    expect(await db.auditLog.count({ where: { entityId: e.id, action: 'exception.expire' } })).toBe(1);

    const listed = await listExceptions(viewerCtx, { state: 'expired', targetId: t.id });
    expect(listed.items.map((x) => x.id)).toEqual([e.id]);
    expect(listed.counts).toEqual({ active: 0, expired: 1, revoked: 0 });
    expect(((await failure(revokeException(editorCtx, e.id))) as AppError).code).toBe('conflict');
  });
});

describe('listing exceptions', () => {
  it('splits active, expired and revoked, filterable by target and check', async () => {
    const t = await seed();
    const a = await accept(t.id);
    const b = await accept(t.id, { checkId: 'cert.hostname', expiresAt: inDays(5) });
    await revokeException(editorCtx, b.id);
    const c = await accept(t.id, { checkId: 'cert.hostname', expiresAt: inDays(3) });

    const active = await listExceptions(viewerCtx, { targetId: t.id });
    expect(active.state).toBe('active');
    expect(active.items.map((x) => x.id)).toEqual([c.id, a.id]); // soonest to end first
    expect(active.counts).toEqual({ active: 2, expired: 0, revoked: 1 });
    const revoked = await listExceptions(viewerCtx, { targetId: t.id, state: 'revoked' });
    expect(revoked.items.map((x) => x.id)).toEqual([b.id]);
    const byCheck = await listExceptions(viewerCtx, { q: t.name, checkId: 'pg.tls.required', state: 'all' });
    expect(byCheck.items.map((x) => x.id)).toEqual([a.id]);
  });
});
