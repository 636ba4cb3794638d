import '../setup/store-env';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db';
import { allOperations } from '../../lib/api/all-operations';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { systemContext } from '../../lib/services/service-context';
import { runScan } from '../../lib/scan/run-scan';
import { uniqueName } from '../setup/contexts';
import { callRoute } from '../support/call-route';
import { logicalDump } from '../support/logical-dump';

process.env.POSTURE_API_RATE_LIMIT = '1000000';
const canaries = [1, 2, 3].map((i) => `cnry${i}-${randomBytes(12).toString('hex')}`);
/** The canaries and the encodings a careless store might keep them in. */
const needles = canaries.flatMap((c) => [c, Buffer.from(c).toString('base64'), Buffer.from(c).toString('hex')]);
const logged: string[] = [];
let token = '';
let targetId = '';
let importedName = '';

const expectNoCanary = (text: string, where: string) => {
  for (const n of needles) expect(text.includes(n), `${where} contains a canary`).toBe(false);
};

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  token = (await createApiToken(systemContext('test'), { name: uniqueName('canary'), scopes: ['read', 'scan', 'write'] })).token;
  const store = new URL(process.env.DATABASE_URL!);
  // Stored through the API three ways: on create, by replacing the credential, and by an inventory import.
  const created = await callRoute({
    method: 'POST', template: '/api/v1/databases', token,
    body: { name: uniqueName('canary'), engine: 'postgresql', host: '127.0.0.1', port: Number(store.port), database: store.pathname.slice(1), credential: { username: 'probe', password: canaries[0] } },
  });
  expect(created.status).toBe(201);
  targetId = ((await created.json()) as { id: string }).id;
  const replaced = await callRoute({ method: 'PUT', template: '/api/v1/databases/{id}/credential', params: { id: targetId }, token, body: { username: 'probe', password: canaries[1] } });
  expect(replaced.status).toBe(200);
  importedName = uniqueName('canary-import');
  const yaml = `apiVersion: posture/v1\nkind: Inventory\ndatabases:\n  - name: ${importedName}\n    engine: postgresql\n    host: db.example.internal\n    credential:\n      username: probe\n      password: ${canaries[2]}\n`;
  const imported = await callRoute({ method: 'POST', template: '/api/v1/inventory/import', token, body: yaml, query: { allowLiteralPasswords: 'true' } });
  expect(imported.status).toBe(200);
  // A real scan decrypts the password and probes with it; a pg-boss job is queued on the way.
  const scan = await callRoute({ method: 'POST', template: '/api/v1/databases/{id}/scans', params: { id: targetId }, token });
  expect(scan.status).toBe(202);
  await runScan(((await scan.json()) as { id: string }).id);
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe('a canary password stored through the API', () => {
  // Our own dump, not pg_dump: Debian 12's pg_dump (15) refuses the store's PostgreSQL 18, so it could only ever skip.
  it('is in no row of any table of the store (a full logical dump, pg-boss included), only as ciphertext', async () => {
    const dump = await logicalDump(process.env.DATABASE_URL!);
    expect(dump.tables).toEqual(expect.arrayContaining(['public.Credential', 'public.Target', 'public.AuditLog']));
    expect(dump.tables.some((t) => t.startsWith('pgboss.'))).toBe(true);
    // Positive controls: the dump does hold this run's target and its sealed credential.
    expect(dump.text).toContain(importedName);
    const sealed = await db.target.findUniqueOrThrow({ where: { id: targetId }, include: { credential: true } });
    expect(dump.text).toContain(sealed.credential!.ciphertext!);
    expectNoCanary(dump.text, 'the logical dump');
  });

  it('is in no response of any documented GET operation', async () => {
    const gets = allOperations.filter((op) => op.method === 'get');
    expect(gets.length).toBeGreaterThan(5);
    for (const op of gets) {
      const res = await callRoute({ method: 'get', template: op.path, params: op.params ? { id: targetId } : undefined, token });
      expect(res.status, op.operationId).toBeLessThan(500);
      expectNoCanary(await res.text(), op.operationId);
    }
    const exported = await callRoute({ method: 'get', template: '/api/v1/inventory/export', token });
    expect(await exported.text()).toContain(importedName);
  });

  it('is in no log line written meanwhile', () => {
    expectNoCanary(logged.join('\n'), 'the console');
  });
});
