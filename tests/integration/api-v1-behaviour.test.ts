import '../setup/store-env';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { buildOpenApiDocument } from '../../lib/api/build-openapi-document';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { deleteTarget } from '../../lib/services/targets/delete-target';
import { createTarget } from '../../lib/services/targets/create-target';
import { listTargets } from '../../lib/services/targets/list-targets';
import { systemContext } from '../../lib/services/service-context';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { callRoute } from '../support/call-route';
import { sessionJwt } from '../support/session-jwt';
import { ensureTestUsers, seedGradedTarget } from '../support/seed-graded-target';

const system = systemContext('test');
let read = '';
let write = '';
const tag = `page-${Date.now().toString(36)}`;
const team = `team-${Date.now().toString(36)}`;

type Page = { items: { id: string; name: string; grade: string | null }[]; nextCursor: string | null };
type Envelope = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function listAll(query: Record<string, string>, between?: (page: number) => Promise<void>): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await callRoute({ method: 'GET', template: '/api/v1/databases', token: read, query: { ...query, ...(cursor ? { cursor } : {}) } });
    expect(res.status).toBe(200);
    const body = await json<Page>(res);
    names.push(...body.items.map((i) => i.name));
    cursor = body.nextCursor;
    if (!cursor) return names;
    await between?.(page);
  }
  throw new Error('pagination did not end');
}

beforeAll(async () => {
  await ensureTestUsers();
  read = (await createApiToken(system, { name: uniqueName('read'), scopes: ['read'] })).token;
  write = (await createApiToken(system, { name: uniqueName('write'), scopes: ['read', 'write'] })).token;
});

describe('GET /api/v1/databases', () => {
  it('pages by cursor without skipping or repeating, while rows are added and deleted between pages', async () => {
    const names = Array.from({ length: 9 }, (_, i) => `${tag}-m${i}`);
    const created = new Map<string, string>();
    for (const name of names) created.set(name, (await createTarget(editorCtx, { name, engine: 'postgresql', host: 'db.example.internal', port: 5432, tags: [tag] })).id);
    const seen = await listAll({ tag, limit: '2' }, async (page) => {
      if (page === 0) {
        // One row before the cursor (must not appear late) and one after it (must appear once), and one deletion ahead.
        await createTarget(editorCtx, { name: `${tag}-a-early`, engine: 'postgresql', host: 'db.example.internal', port: 5432, tags: [tag] });
        await createTarget(editorCtx, { name: `${tag}-z-late`, engine: 'postgresql', host: 'db.example.internal', port: 5432, tags: [tag] });
        await deleteTarget(editorCtx, created.get(`${tag}-m8`)!);
      }
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...names.slice(0, 8), `${tag}-z-late`]);
  });

  it('filters by engine, environment, team, tag and gradeBelow', async () => {
    const good = await seedGradedTarget(uniqueName('f-good'), [{ checkId: 'pg.tls.enabled', status: 'pass', severity: 'critical' }], { environment: 'staging', ownerTeam: team });
    const bad = await seedGradedTarget(uniqueName('f-bad'), [{ checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical' }], { environment: 'staging', ownerTeam: team });
    await createTarget(editorCtx, { name: uniqueName('f-redis'), engine: 'redis', host: 'cache.example.internal', port: 6379, ownerTeam: team, environment: 'staging' });
    const ids = async (query: Record<string, string>) =>
      (await json<Page>(await callRoute({ method: 'GET', template: '/api/v1/databases', token: read, query: { team, limit: '200', ...query } }))).items.map((i) => i.name).sort();
    expect((await ids({})).length).toBe(3);
    expect(await ids({ engine: 'redis' })).toEqual([expect.stringMatching(/^f-redis/)]);
    expect(await ids({ environment: 'production' })).toEqual([]);
    expect(await ids({ gradeBelow: 'B' })).toEqual([bad.name]);
    expect(await ids({ gradeBelow: 'A+', engine: 'postgresql' })).toEqual([bad.name]);
    expect(good.name).toBeTruthy();
  });

  it('searches with q across pages: the cursor and the search combine, as on the inventory page', async () => {
    const word = `needle${Date.now().toString(36)}`;
    for (const [i, fields] of [{ name: `${tag}-q0-${word}` }, { name: `${tag}-q1`, ownerTeam: `${word}-team` }, { name: `${tag}-q2`, service: `svc-${word}` }, { name: `${tag}-q3` }].entries()) {
      await createTarget(editorCtx, { engine: 'postgresql', host: i === 3 ? `${word}.example.internal` : 'db.example.internal', port: 5432, ...fields });
    }
    await createTarget(editorCtx, { name: `${tag}-q4-other`, engine: 'postgresql', host: 'db.example.internal', port: 5432 });
    const expected = [`${tag}-q0-${word}`, `${tag}-q1`, `${tag}-q2`, `${tag}-q3`];
    expect(await listAll({ q: word.toUpperCase(), limit: '1' })).toEqual(expected);
    expect((await listTargets(viewerCtx, { q: word, pageSize: 200 })).items.map((t) => t.name)).toEqual(expected);
  });

  it('400 with the field named for a bad limit, grade, cursor or unknown parameter', async () => {
    for (const [query, path] of [
      [{ limit: 'ten' }, 'limit'],
      [{ limit: '0' }, 'limit'],
      [{ gradeBelow: 'Z' }, 'gradeBelow'],
      [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
      [{ pageSize: '5' }, 'pageSize'],
    ] as const) {
      const res = await callRoute({ method: 'GET', template: '/api/v1/databases', token: read, query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect((await json<Envelope>(res)).error.details?.map((d) => d.path)).toContain(path);
    }
  });
});

describe('single databases', () => {
  it('detail has every check with evidence, remediation and compliance, and the what-if plan', async () => {
    const t = await seedGradedTarget(uniqueName('detail'), [
      { checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical' },
      { checkId: 'cert.expiry', status: 'pass', severity: 'high' },
    ]);
    const res = await callRoute({ method: 'GET', template: '/api/v1/databases/{id}', token: read, params: { id: t.id } });
    expect(res.status).toBe(200);
    const body = await json<{ id: string; checks: { id: string; status: string; remediation: string; compliance: unknown[]; evidence: object }[]; plan: { steps: { checkId: string }[] } }>(res);
    expect(body.id).toBe(t.id);
    expect(body.checks.map((c) => [c.id, c.status]).sort()).toEqual([['cert.expiry', 'pass'], ['pg.tls.enabled', 'fail']]);
    expect(body.checks.find((c) => c.id === 'pg.tls.enabled')!.remediation).toMatch(/ssl/i);
    expect(body.checks.find((c) => c.id === 'pg.tls.enabled')!.remediation).toContain('psql "host=db.example.internal port=5432 dbname=<db> user=<user> sslmode=require"');
    expect(body.checks.find((c) => c.id === 'cert.expiry')!.remediation).not.toMatch(/Redis|RabbitMQ|tls-cert-file|<host>/);
    expect(body.checks.find((c) => c.id === 'pg.tls.enabled')!.compliance.length).toBeGreaterThan(0);
    expect(body.plan.steps.map((s) => s.checkId)).toEqual(['pg.tls.enabled']);
  });

  it('history returns the snapshots of the window, and 400 names days', async () => {
    const t = await seedGradedTarget(uniqueName('history'), [{ checkId: 'pg.tls.enabled', status: 'pass', severity: 'critical' }]);
    const ok = await json<{ days: number; points: { grade: string }[] }>(await callRoute({ method: 'GET', template: '/api/v1/databases/{id}/history', token: read, params: { id: t.id }, query: { days: '7' } }));
    expect(ok.days).toBe(7);
    expect(ok.points.length).toBe(1);
    const bad = await callRoute({ method: 'GET', template: '/api/v1/databases/{id}/history', token: read, params: { id: t.id }, query: { days: '1000' } });
    expect(bad.status).toBe(400);
    expect((await json<Envelope>(bad)).error.details?.[0]?.path).toBe('days');
  });

  it('404 for unknown and malformed ids, on reads and writes alike', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '../../etc/passwd']) {
      for (const [method, template, body] of [
        ['GET', '/api/v1/databases/{id}', undefined],
        ['GET', '/api/v1/databases/{id}/history', undefined],
        ['PATCH', '/api/v1/databases/{id}', { ownerTeam: 'x' }],
        ['DELETE', '/api/v1/databases/{id}', undefined],
        ['GET', '/api/v1/scans/{id}', undefined],
      ] as const) {
        const res = await callRoute({ method, template, token: write, params: { id }, body });
        expect(res.status, `${method} ${template} ${id}`).toBe(404);
        expect((await json<Envelope>(res)).error.code).toBe('not_found');
      }
    }
  });

  it('malformed bodies get 400 with field paths, and nothing is written', async () => {
    const before = await db.target.count();
    const cases: [unknown, string[]][] = [
      [{ name: 'bad name!', engine: 'postgresql', host: 'db', port: 70000 }, ['name', 'port']],
      [{ name: uniqueName('ok'), engine: 'oracle', host: 'db', port: 5432 }, ['engine']],
      [{ name: uniqueName('ok'), engine: 'postgresql', host: 'db', port: 5432, credential: { username: '' } }, ['credential.username']],
      [{ name: uniqueName('ok'), engine: 'postgresql', host: 'db', port: 5432, color: 'red' }, ['color']],
      [[1, 2, 3], ['(root)']],
    ];
    for (const [body, paths] of cases) {
      const res = await callRoute({ method: 'POST', template: '/api/v1/databases', token: write, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const details = (await json<Envelope>(res)).error.details ?? [];
      for (const p of paths) expect(details.map((d) => d.path), JSON.stringify(body)).toContain(p);
    }
    const broken = await callRoute({ method: 'POST', template: '/api/v1/databases', token: write, body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    // PostgreSQL text cannot hold a NUL: it is bad input at its field, not a 500
    const nul = await callRoute({ method: 'POST', template: '/api/v1/databases', token: write, body: { name: uniqueName('nul'), engine: 'postgresql', host: 'db', port: 5432, service: 'billing\u0000' } });
    expect(nul.status).toBe(400);
    expect(((await json<Envelope>(nul)).error.details ?? []).map((d) => d.path)).toEqual(['service']);
    const huge = await callRoute({ method: 'POST', template: '/api/v1/databases', token: write, body: { name: uniqueName('huge'), engine: 'postgresql', host: 'db', port: 5432, service: 'x'.repeat(1024 * 1024 + 1) } });
    expect(huge.status).toBe(400);
    expect(((await json<Envelope>(huge)).error.details ?? []).map((d) => d.path)).toEqual(['(body)']);
    expect(await db.target.count()).toBe(before);
  });

  it('409 when the name is taken', async () => {
    const name = uniqueName('dupe');
    const body = { name, engine: 'postgresql', host: 'db.example.internal', port: 5432 };
    expect((await callRoute({ method: 'POST', template: '/api/v1/databases', token: write, body })).status).toBe(201);
    const again = await callRoute({ method: 'POST', template: '/api/v1/databases', token: write, body });
    expect(again.status).toBe(409);
  });

  it('writes through a token are audited under the token, never with the password', async () => {
    const name = uniqueName('audited');
    const res = await callRoute({ method: 'POST', template: '/api/v1/databases', token: write, body: { name, engine: 'postgresql', host: 'db.example.internal', port: 5432, credential: { username: 'probe', password: 'canary-8d1f0c' } } });
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain('canary-8d1f0c');
    const id = (JSON.parse(text) as { id: string }).id;
    const rows = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['credential.set', 'target.create']);
    for (const r of rows) expect(r.actor).toMatch(/^token:write-.* \(pst_[A-Za-z0-9_-]{8}\)$/);
    expect(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('canary-8d1f0c');
  });
});

describe('scans over the API', () => {
  it('POST → 202 with a queued scan of trigger api, then GET shows it', async () => {
    const scanToken = (await createApiToken(system, { name: uniqueName('scan'), scopes: ['scan'] })).token;
    const t = await createTarget(editorCtx, { name: uniqueName('scan-me'), engine: 'postgresql', host: 'db.example.internal', port: 5432 });
    const res = await callRoute({ method: 'POST', template: '/api/v1/databases/{id}/scans', token: scanToken, params: { id: t.id } });
    expect(res.status).toBe(202);
    const scan = await json<{ id: string; status: string; trigger: string; targetId: string }>(res);
    expect(scan).toMatchObject({ status: 'queued', trigger: 'api', targetId: t.id });
    const got = await callRoute({ method: 'GET', template: '/api/v1/scans/{id}', token: scanToken, params: { id: scan.id } });
    expect(got.status).toBe(200);
    expect((await json<{ id: string }>(got)).id).toBe(scan.id);
  });
});

describe('scores', () => {
  it('matches the fleet as stored: grades, severity counts and generatedAt', async () => {
    const res = await callRoute({ method: 'GET', template: '/api/v1/scores', token: read });
    expect(res.status).toBe(200);
    const body = await json<{ generatedAt: string; databases: { active: number }; byGrade: Record<string, number>; failingBySeverity: Record<string, number> }>(res);
    const active = await db.target.count({ where: { archivedAt: null } });
    expect(body.databases.active).toBe(active);
    expect(Object.values(body.byGrade).reduce((a, b) => a + b, 0)).toBe(active);
    const critical = await db.target.aggregate({ where: { archivedAt: null }, _sum: { failingCritical: true } });
    expect(body.failingBySeverity.critical).toBe(critical._sum.failingCritical ?? 0);
    expect(Date.now() - Date.parse(body.generatedAt)).toBeLessThan(60_000);
  });
});

describe('session cookies', () => {
  it('the UI session works on the same routes, and its role still applies', async () => {
    if (viewerCtx.actor.kind !== 'user') throw new Error('viewer context');
    const user = await db.user.findUniqueOrThrow({ where: { id: viewerCtx.actor.id } });
    const jwt = await sessionJwt(user.id);
    const headers = { cookie: `next-auth.session-token=${jwt}` };
    expect((await callRoute({ method: 'GET', template: '/api/v1/scores', headers })).status).toBe(200);
    const denied = await callRoute({ method: 'POST', template: '/api/v1/databases', headers, body: { name: uniqueName('viewer'), engine: 'postgresql', host: 'db', port: 5432 } });
    expect(denied.status).toBe(403);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect((await callRoute({ method: 'GET', template: '/api/v1/scores', headers })).status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('is served to any caller, is 3.1, and covers every documented operation', async () => {
    const res = await callRoute({ method: 'GET', template: '/api/v1/openapi.json', token: read });
    expect(res.status).toBe(200);
    const served = await json<{ openapi: string; paths: Record<string, object> }>(res);
    expect(served.openapi).toBe('3.1.0');
    expect(served).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(Object.keys(served.paths)).toEqual(expect.arrayContaining(['/api/v1/scores', '/api/v1/databases', '/api/v1/databases/{id}', '/api/v1/databases/{id}/history', '/api/v1/findings', '/api/v1/databases/{id}/scans', '/api/v1/scans/{id}']));
    expect((await callRoute({ method: 'GET', template: '/api/v1/openapi.json' })).status).toBe(401);
  });
});

describe('rate limiting', () => {
  it('429 with Retry-After once a caller passes its per-minute limit, held in the store', async () => {
    const { consumeRateLimit } = await import('../../lib/services/auth/consume-rate-limit');
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i++) await consumeRateLimit(key, 3);
    const err = await consumeRateLimit(key, 3).then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ code: 'rate_limited' });
    expect((err as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((err as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
    expect(row.count).toBe(4);
  });

  it('through a route: the limit applies per token and the answer carries Retry-After', async () => {
    const t = await createApiToken(system, { name: uniqueName('limited'), scopes: ['read'] });
    const { env } = await import('../../lib/env');
    const limit = env().POSTURE_API_RATE_LIMIT;
    // Fill this token's window in the store directly, as other replicas would have.
    await db.rateLimit.create({ data: { key: `api:token:${t.id}`, windowStart: new Date(Math.floor(Date.now() / 60_000) * 60_000), count: limit } });
    const res = await callRoute({ method: 'GET', template: '/api/v1/scores', token: t.token });
    if (res.status !== 429) {
      // The minute may have turned between the insert and the call; the new window starts afresh at 1.
      expect(res.status).toBe(200);
      return;
    }
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json<Envelope>(res)).error.code).toBe('rate_limited');
    expect((await callRoute({ method: 'GET', template: '/api/v1/scores', token: read })).status).toBe(200);
  });
});
