import '../setup/store-env';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { systemContext } from '../../lib/services/service-context';
import { adminCtx, editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { callRoute } from '../support/call-route';
import { sessionJwt } from '../support/session-jwt';
import { ensureTestUsers } from '../support/seed-graded-target';

type Caller = 'viewer' | 'editor' | 'admin' | 'token:read' | 'token:scan' | 'token:write';
const callers: Caller[] = ['viewer', 'editor', 'admin', 'token:read', 'token:scan', 'token:write'];

const editors: Caller[] = ['editor', 'admin'];
const inventoryWriters: Caller[] = ['editor', 'admin', 'token:write'];
const adminOnly: Caller[] = ['admin'];

/**
 * Who may call each mutating route, written out by hand (not derived from the permission table, which is what is
 * under test). Every mutating route on disk must appear here, so a new route cannot ship without a decision.
 */
const expected: Record<string, Caller[]> = {
  'POST /api/v1/databases': inventoryWriters,
  'PATCH /api/v1/databases/{id}': inventoryWriters,
  'DELETE /api/v1/databases/{id}': inventoryWriters,
  'POST /api/v1/databases/{id}/archive': inventoryWriters,
  'PUT /api/v1/databases/{id}/credential': inventoryWriters,
  'POST /api/v1/databases/{id}/credential/rotation': inventoryWriters,
  'POST /api/v1/databases/{id}/scans': ['editor', 'admin', 'token:scan'],
  'POST /api/v1/inventory/import': inventoryWriters,
  'POST /api/v1/discovery/add': inventoryWriters,
  'POST /api/v1/discovery/runs': inventoryWriters,
  'PUT /api/v1/discovery/settings': adminOnly,
  'POST /api/v1/exceptions': editors,
  'POST /api/v1/exceptions/{id}/revoke': editors,
  'POST /api/v1/exceptions/bulk': editors,
  'POST /api/v1/databases/owner': inventoryWriters,
  'POST /api/v1/fleet/rollup': adminOnly,
  'PUT /api/v1/alerts/settings': adminOnly,
  'POST /api/v1/alerts/test': adminOnly,
  'POST /api/v1/alerts/deliver': adminOnly,
  'POST /api/v1/alerts/outbox/{id}/retry': adminOnly,
  'POST /api/v1/users': adminOnly,
  'PATCH /api/v1/users/{id}': adminOnly,
  'PUT /api/v1/users/{id}/password': adminOnly,
  'PUT /api/v1/settings/network': adminOnly,
  'PUT /api/v1/settings/custody': adminOnly,
  'PUT /api/v1/databases/{id}/certificate-pin': adminOnly,
  'DELETE /api/v1/databases/{id}/certificate-pin': adminOnly,
  'POST /api/v1/tokens': adminOnly,
  'DELETE /api/v1/tokens/{id}': adminOnly,
  'POST /api/v1/notification-channels': adminOnly,
  'PATCH /api/v1/notification-channels/{id}': adminOnly,
  'DELETE /api/v1/notification-channels/{id}': adminOnly,
  'POST /api/v1/notification-channels/{id}/test': adminOnly,
};

/** Every mutating route handler in app/, as "METHOD /path/{param}". */
function mutatingRoutes(): string[] {
  const root = path.resolve('app');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((e) => {
      const p = path.join(dir, e);
      return statSync(p).isDirectory() ? walk(p) : e === 'route.ts' ? [p] : [];
    });
  return walk(root).flatMap((file) => {
    const url = '/' + path.relative(root, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join('/').replace(/\[\.\.\.[^[\]]+\]/g, '*').replace(/\[([^[\]]+)\]/g, '{$1}');
    if (url.startsWith('/api/auth/')) return [];
    return [...readFileSync(file, 'utf8').matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${url}`);
  });
}

const headers: Partial<Record<Caller, Record<string, string>>> = {};
const tokens: Partial<Record<Caller, string>> = {};

beforeAll(async () => {
  await ensureTestUsers();
  for (const ctx of [viewerCtx, editorCtx, adminCtx]) {
    if (ctx.actor.kind !== 'user') continue;
    const user = await db.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
    const jwt = await sessionJwt(user.id);
    headers[ctx.actor.role] = { cookie: `next-auth.session-token=${jwt}` };
  }
  for (const scope of ['read', 'scan', 'write'] as const) {
    tokens[`token:${scope}`] = (await createApiToken(systemContext('test'), { name: uniqueName(`authz-${scope}`), scopes: [scope] })).token;
  }
});

/** Valid bodies where the service checks input before looking the object up, so an unknown id still reads as 404. */
const validBodies: Record<string, unknown> = {
  'POST /api/v1/databases/{id}/archive': { archived: true },
  'PUT /api/v1/databases/{id}/credential': { username: 'probe', password: 'a-canary-that-never-lands' },
  'PUT /api/v1/users/{id}/password': { password: 'Quartz-lantern-orbit-1947' },
  'PUT /api/v1/databases/{id}/certificate-pin': { spkiSha256: 'Xb4H0qg1eQGhX9X3a6c2q8tM0KJ3u7c0qv0t5Yy1YzM=' },
};

function call(caller: Caller, route: string, body: unknown = validBodies[route] ?? {}) {
  const [method, template] = route.split(' ') as [string, string];
  const params = template.includes('{id}') ? { id: randomUUID() } : undefined;
  const isYaml = template === '/api/v1/inventory/import';
  return callRoute({ method, template, params, token: tokens[caller], headers: headers[caller], body: method === 'DELETE' ? undefined : isYaml ? 'not: [an inventory' : body });
}

describe('object-level authorization on every mutating route', () => {
  it('the table covers exactly the mutating routes on disk', () => {
    expect(mutatingRoutes().sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(Object.entries(expected))('%s', (route, allowed) => {
    it.each(callers)('%s', async (caller) => {
      const before = await db.auditLog.count();
      const res = await call(caller, route);
      const text = await res.text();
      if (!allowed.includes(caller)) {
        expect(res.status, text).toBe(403);
        expect(JSON.parse(text)).toMatchObject({ error: { code: 'forbidden' } });
        // A refused call changes nothing, so it leaves no audit row either.
        expect(await db.auditLog.count()).toBe(before);
        return;
      }
      // Allowed: an unknown id reads as not found; bad or empty input is a 400; never a 401/403 or a 500.
      expect(res.status, text).not.toBe(401);
      expect(res.status, text).not.toBe(403);
      expect(res.status, text).toBeLessThan(500);
      if (route.includes('{id}')) expect(res.status, text).toBe(404);
    });
  });
});

describe('reads that only admins may make', () => {
  it.each([['GET /api/v1/tokens'], ['GET /api/v1/users'], ['GET /api/v1/notification-channels']])('%s', async (route) => {
    for (const caller of callers) {
      const [method, template] = route.split(' ') as [string, string];
      const res = await callRoute({ method, template, token: tokens[caller], headers: headers[caller] });
      expect(res.status, caller).toBe(caller === 'admin' ? 200 : 403);
    }
  });
});

describe('cookie sessions and origins', () => {
  it('a cross-origin cookie write is refused before anything runs, a same-origin one is not', async () => {
    const body = { name: uniqueName('origin'), engine: 'postgresql', host: 'db.example.internal', port: 5432 };
    const evil = await callRoute({ method: 'POST', template: '/api/v1/databases', headers: { ...headers.editor, origin: 'https://evil.example' }, body });
    expect(evil.status).toBe(403);
    expect(await db.target.count({ where: { name: body.name } })).toBe(0);
    const same = await callRoute({ method: 'POST', template: '/api/v1/databases', headers: { ...headers.editor, origin: 'http://posture.test', host: 'posture.test' }, body });
    expect(same.status).toBe(201);
  });
});
