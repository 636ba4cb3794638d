import '../setup/store-env';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db';
import { allOperations } from '../../lib/api/all-operations';
import type { ApiOperation } from '../../lib/api/api-operation';
import { buildOpenApiDocument } from '../../lib/api/build-openapi-document';
import { apiScopes, type ApiScope } from '../../lib/access/api-scopes';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { revokeApiToken } from '../../lib/services/tokens/revoke-api-token';
import { createTarget } from '../../lib/services/targets/create-target';
import { systemContext } from '../../lib/services/service-context';
import { adminCtx, editorCtx, uniqueName } from '../setup/contexts';
import { sessionJwt } from '../support/session-jwt';
import { custodyPolicySetting } from '../../lib/settings/custody-policy-setting';
import { networkPolicySetting } from '../../lib/settings/network-policy-setting';
import { alertSetting } from '../../lib/settings/alert-setting';
import { discoverySetting } from '../../lib/settings/discovery-setting';
import { createException } from '../../lib/services/exceptions/create-exception';
import { createUser } from '../../lib/services/users/create-user';
import { createNotificationChannel } from '../../lib/services/notifications/create-notification-channel';
import { startFakeKubeApi, writeKubeconfig, type FakeKubeApi } from '../support/fake-kube-api';
import { callRoute } from '../support/call-route';
import { openApiValidator } from '../support/openapi-validator';
import { ensureTestUsers, seedGradedTarget } from '../support/seed-graded-target';

const system = systemContext('test');
const doc = buildOpenApiDocument();
const validator = openApiValidator(doc);
const tokens: Record<string, string> = {};
const logged: string[] = [];
const kubeDir = mkdtempSync(path.join(os.tmpdir(), 'posture-api-auth-'));
const kubeContext = uniqueName('api-auth-cluster');
/** The one recipient of this file's emails, so they can be removed after it. */
const mailbox = `${uniqueName('api-auth')}@example.com`;
const previousKubeconfig = process.env.POSTURE_KUBECONFIG;
let kube: FakeKubeApi | undefined;

/** Channels this file creates: off, and pointed at a closed loopback port, so no alert goes anywhere. */
const channelIds: string[] = [];
const channelBody = () => ({ type: 'webhook' as const, name: uniqueName('api-auth-channel'), url: 'https://127.0.0.1:9/posture', signingSecret: 'contract-test-signing-secret', enabled: false });

async function token(name: string, scopes: ApiScope[]): Promise<string> {
  return (await createApiToken(system, { name: uniqueName(name), scopes })).token;
}

/** A valid request for each operation, on fresh objects so mutating calls never interfere with each other. */
async function validCall(op: ApiOperation): Promise<{ params?: Record<string, string>; query?: Record<string, string>; body?: unknown }> {
  const freshUser = async () => (await createUser(system, { email: `${uniqueName('user')}@example.com`, role: 'viewer', password: 'Quartz-lantern-orbit-1946' })).id;
  const fresh = async () => (await createTarget(editorCtx, { name: uniqueName('api-auth'), engine: 'postgresql', host: 'db.example.internal', port: 5432, credential: { username: 'probe', password: 'hunter2-canary' } })).id;
  switch (op.operationId) {
    case 'createDatabase':
      return { body: { name: uniqueName('api-created'), engine: 'postgresql', host: 'db.example.internal', port: 5432 } };
    case 'updateDatabase':
      return { params: { id: await fresh() }, body: { ownerTeam: 'platform' } };
    case 'archiveDatabase':
      return { params: { id: await fresh() }, body: { archived: true } };
    case 'setDatabaseCredential':
      return { params: { id: await fresh() }, body: { username: 'probe2', password: 'another-canary' } };
    case 'recordPasswordRotation':
      return { params: { id: await fresh() }, body: { rotatedAt: new Date(Date.now() - 86_400_000).toISOString() } };
    case 'getScan': {
      const scan = await db.scan.create({ data: { targetId: await fresh(), trigger: 'api', status: 'queued', slot: `test:${randomUUID()}` } });
      return { params: { id: scan.id } };
    }
    case 'pinDatabaseCertificate':
      return { params: { id: await fresh() }, body: { spkiSha256: 'Xb4H0qg1eQGhX9X3a6c2q8tM0KJ3u7c0qv0t5Yy1YzM=' } };
    case 'updateCustodyPolicy':
      return { body: await custodyPolicySetting.load() };
    case 'updateNetworkPolicy':
      return { body: { allowedPrivateRanges: [...(await networkPolicySetting.load()).allowedPrivateRanges] } };
    case 'retryOutboxEmail': {
      const row = await db.outbox.create({ data: { dedupeKey: `test:${randomUUID()}`, kind: 'test', recipients: [mailbox], subject: 'dead', text: 'dead', html: '<p>dead</p>', status: 'dead', attempts: 8 } });
      return { params: { id: row.id } };
    }
    case 'createNotificationChannel':
      return { body: channelBody() };
    case 'getNotificationChannel':
    case 'deleteNotificationChannel':
    case 'testNotificationChannel': {
      const c = await createNotificationChannel(system, channelBody());
      channelIds.push(c.id);
      return { params: { id: c.id } };
    }
    case 'updateNotificationChannel': {
      const c = await createNotificationChannel(system, channelBody());
      channelIds.push(c.id);
      return { params: { id: c.id }, body: { minSeverity: 'high', teams: ['platform'] } };
    }
    case 'sendTestEmail':
      return { body: { to: mailbox } };
    case 'updateAlertSettings':
      return { body: await alertSetting.load() };
    case 'updateDiscoverySettings':
      return { body: await discoverySetting.load() };
    case 'addDiscoveredDatabases': {
      const name = uniqueName('api-auth-wl');
      const row = await db.discoveredWorkload.create({
        data: {
          key: `${kubeContext}/apps/StatefulSet/${name}`, context: kubeContext, namespace: 'apps', kind: 'StatefulSet', name, engine: 'postgresql',
          host: `${name}.apps.svc`, port: 5432, refs: { namespace: 'apps', podSelector: `app=${name}` },
          details: { foundBy: 'label', operator: null, image: 'postgres:16', service: name, secretNames: [], loginUser: null, pods: 1 },
        },
      });
      return { body: { ids: [row.id] } };
    }
    case 'createException':
      return { body: { targetId: await fresh(), checkId: 'pg.tls.enabled', reason: 'accepted for the contract test', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } };
    case 'createExceptions':
      return {
        body: {
          items: [{ targetId: await fresh(), checkId: 'pg.tls.enabled' }, { targetId: await fresh(), checkId: 'pg.tls.required' }],
          reason: 'accepted in bulk for the contract test',
          expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      };
    case 'assignDatabaseOwner':
      return { body: { targetIds: [await fresh(), await fresh()], ownerTeam: 'contract-team', ownerEmail: 'contract-owner@example.com' } };
    case 'revokeException': {
      const e = await createException(editorCtx, { targetId: await fresh(), checkId: 'pg.tls.enabled', reason: 'accepted for the contract test', expiresAt: new Date(Date.now() + 30 * 86_400_000) });
      return { params: { id: e.id } };
    }
    case 'createApiToken':
      return { body: { name: uniqueName('minted'), scopes: ['read'], expiresIn: '1h' } };
    case 'revokeApiToken': {
      const t = await createApiToken(system, { name: uniqueName('to-revoke'), scopes: ['read'] });
      return { params: { id: t.id } };
    }
    case 'createUser':
      return { body: { email: `${uniqueName('user')}@example.com`, role: 'viewer', password: 'Quartz-lantern-orbit-1947' } };
    case 'updateUser':
      return { params: { id: await freshUser() }, body: { name: 'Renamed' } };
    case 'setUserPassword':
      return { params: { id: await freshUser() }, body: { password: 'Quartz-lantern-orbit-1948' } };
    case 'importInventory':
      return {
        body: `apiVersion: posture/v1\nkind: Inventory\ndatabases:\n  - name: ${uniqueName('imported')}\n    engine: postgresql\n    host: db.example.internal\n    port: 5432\n`,
      };
    default:
      return op.params ? { params: { id: await fresh() } } : {};
  }
}

beforeAll(async () => {
  // A cluster with nothing in it, so a discovery pass over the API has something to read.
  kube = await startFakeKubeApi({});
  process.env.POSTURE_KUBECONFIG = writeKubeconfig(path.join(kubeDir, 'kubeconfig'), { server: kube.url, caPem: kube.caPem, token: kube.token, context: kubeContext });
  await ensureTestUsers();
  await seedGradedTarget(uniqueName('api-graded'), [{ checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical' }]);
  for (const s of apiScopes) tokens[s] = await token(`only-${s}`, [s]);
  tokens.all = await token('all-scopes', ['read', 'scan', 'write']);
  tokens.revoked = await token('revoked', ['read', 'scan', 'write']);
  await revokeApiToken(system, { prefix: tokens.revoked.slice(0, 12) });
  tokens.expired = await token('expired', ['read', 'scan', 'write']);
  await db.apiToken.update({ where: { prefix: tokens.expired.slice(0, 12) }, data: { expiresAt: new Date(Date.now() - 1000) } });
  // Every console line of the run is kept, to prove no token ever reaches a log.
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  if (previousKubeconfig === undefined) delete process.env.POSTURE_KUBECONFIG;
  else process.env.POSTURE_KUBECONFIG = previousKubeconfig;
  await db.discoveredWorkload.deleteMany({ where: { context: kubeContext } });
  await db.discoveryRun.deleteMany({ where: { context: kubeContext } });
  await db.outbox.deleteMany({ where: { recipients: { has: mailbox } } });
  await db.notificationChannel.deleteMany({ where: { OR: [{ id: { in: channelIds } }, { name: { startsWith: 'api-auth-channel' } }] } });
  await kube?.close();
  rmSync(kubeDir, { recursive: true, force: true });
});

async function expectDocumented(op: ApiOperation, res: Response) {
  const type = res.headers.get('content-type') ?? '';
  const schema = validator.responseSchema(op.path, op.method, res.status, type.startsWith('application/json') ? 'application/json' : (op.success.contentType ?? 'application/json'));
  expect(schema, `${op.operationId} answered ${res.status}, which the document does not list`).not.toBeNull();
  if (res.status === 204) return;
  if (type.startsWith('application/json')) {
    const body: unknown = await res.clone().json();
    expect(validator.validate(schema!, body), `${op.operationId} ${res.status} body`).toEqual([]);
  } else {
    expect(type.split(';')[0]).toBe(op.success.contentType === 'application/yaml' ? 'application/yaml' : op.success.contentType);
  }
}

describe.each(allOperations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s', (_label, op) => {
  const call = (extra: { token?: string; headers?: Record<string, string>; query?: Record<string, string> }, input: Awaited<ReturnType<typeof validCall>>) =>
    callRoute({ method: op.method, template: op.path, params: input.params, query: { ...input.query, ...extra.query }, body: input.body, token: extra.token, headers: extra.headers });

  it('401 without credentials, with a malformed header, an unknown, a revoked or an expired token', async () => {
    const input = await validCall(op);
    const cases = [
      {},
      { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } },
      { token: `pst_${randomBytes(32).toString('base64url')}` },
      { token: 'not-a-posture-token' },
      { token: tokens.revoked },
      { token: tokens.expired },
    ];
    for (const c of cases) {
      const res = await call(c, input);
      expect(res.status, JSON.stringify(c)).toBe(401);
      expect(((await res.clone().json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      await expectDocumented(op, res);
    }
  });

  it('401 for a token in the query string, even a valid one, which is then revoked', async () => {
    const input = await validCall(op);
    const exposed = [await token('exposed', ['read', 'scan', 'write']), await token('exposed', ['read', 'scan', 'write'])];
    const queries: [Record<string, string>, RegExp][] = [
      [{ access_token: exposed[0]! }, /Bearer header.*has been revoked/],
      [{ token: exposed[0]! }, /^API tokens are accepted only in the Authorization: Bearer header, never in the URL$/],
      [{ q: `see ${exposed[1]!}` }, /Bearer header.*has been revoked/],
      [{ token: 'anything' }, /^API tokens are accepted only in the Authorization: Bearer header, never in the URL$/],
    ];
    for (const [query, message] of queries) {
      const res = await call({ query }, input);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(message);
      expect(JSON.stringify(body)).not.toMatch(/pst_/);
    }
    for (const t of exposed) {
      const row = await db.apiToken.findUniqueOrThrow({ where: { prefix: t.slice(0, 12) }, select: { id: true, revokedAt: true } });
      expect(row.revokedAt).not.toBeNull();
      const audit = await db.auditLog.findMany({ where: { entityId: row.id, action: 'token.revoke' } });
      expect(audit.map((a) => [a.actor, a.diff])).toEqual([['system:token-exposure', { name: expect.any(String), prefix: t.slice(0, 12), reason: 'sent in a URL' }]]);
      expect((await call({ token: t }, input)).status).toBe(401);
    }
  });

  it('403 for a token without the scope (every token, for the admin-only operations)', async () => {
    const wrong = apiScopes.filter((s) => !op.scopes.includes(s));
    // Only an operation open to any authenticated caller (the document itself) has no scope to lack.
    if (wrong.length === 0) {
      expect(op.permission).toBeNull();
      return;
    }
    for (const scope of wrong) {
      const res = await call({ token: tokens[scope] }, await validCall(op));
      expect(res.status, `scope ${scope}`).toBe(403);
      const message = ((await res.clone().json()) as { error: { code: string; message: string } }).error.message;
      expect(message).toMatch(op.scopes.length ? /scope/ : /^API tokens cannot do this/);
      await expectDocumented(op, res);
    }
  });

  it('the documented success for each scope that opens it (a signed-in admin for admin-only ones), with a body that matches the document', async () => {
    for (const scope of op.scopes) {
      const res = await call({ token: tokens[scope] }, await validCall(op));
      expect(res.status, `${op.operationId} with scope ${scope}: ${await res.clone().text()}`).toBe(op.success.status);
      await expectDocumented(op, res);
    }
    if (op.scopes.length === 0) {
      const res = await call({ headers: { cookie: `next-auth.session-token=${await sessionJwt(adminCtx.actor.kind === 'user' ? adminCtx.actor.id : '')}` } }, await validCall(op));
      expect(res.status, `${op.operationId} as an admin: ${await res.clone().text()}`).toBe(op.success.status);
      await expectDocumented(op, res);
    }
  });
});

describe('admin-only routes refuse every token', () => {
  it.each([
    ['GET', '/api/v1/tokens'],
    ['POST', '/api/v1/tokens'],
    ['GET', '/api/v1/users'],
    ['PUT', '/api/v1/alerts/settings'],
  ])('%s %s → 403 even with all scopes', async (method, template) => {
    const res = await callRoute({ method, template, token: tokens.all, body: method === 'GET' ? undefined : { name: 'x', scopes: ['read'] } });
    expect(res.status).toBe(403);
  });
});

describe('token bookkeeping', () => {
  it('records the last use, and a revocation takes effect on the next request', async () => {
    const t = await token('bookkeeping', ['read']);
    const prefix = t.slice(0, 12);
    expect((await db.apiToken.findUniqueOrThrow({ where: { prefix } })).lastUsedAt).toBeNull();
    expect((await callRoute({ method: 'GET', template: '/api/v1/scores', token: t })).status).toBe(200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { prefix } })).lastUsedAt).not.toBeNull();
    await revokeApiToken(system, { prefix });
    expect((await callRoute({ method: 'GET', template: '/api/v1/scores', token: t })).status).toBe(401);
  });

  it('stores only the SHA-256 of the secret', async () => {
    const t = await token('storage', ['read']);
    const row = await db.apiToken.findUniqueOrThrow({ where: { prefix: t.slice(0, 12) } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(t.slice(12));
    const audit = await db.auditLog.findMany({ where: { entityId: row.id } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(t.slice(12));
  });

  it('never wrote a token to a log line during this file', () => {
    const secrets = Object.values(tokens).map((t) => t.slice(12));
    for (const line of logged) for (const s of secrets) expect(line).not.toContain(s);
  });
});
