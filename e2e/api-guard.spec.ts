import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// Every route handler under app/ is found on disk, so a new route is guarded by this test from day one.
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? routeFiles(p) : e === 'route.ts' ? [p] : [];
  });
}

const PUBLIC = [/^\/api\/auth\//, /^\/api\/health(\/live)?$/];
const routes = routeFiles(path.resolve('app')).flatMap((file) => {
  const segments = path.relative(path.resolve('app'), path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  const url = '/' + segments.join('/').replace(/\[[^[\]]+\]/g, '00000000-0000-4000-8000-000000000000');
  const src = readFileSync(file, 'utf8');
  const methods = [...src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
  return methods.map((method) => ({ method, url }));
});

test('the route list was discovered', () => {
  expect(routes.length).toBeGreaterThan(10);
});

test.describe('API without a session', () => {
  for (const { method, url } of routes.filter((r) => !PUBLIC.some((p) => p.test(r.url)))) {
    test(`${method} ${url} → 401`, async ({ request }) => {
      // A forged x-middleware-subrequest header must not skip anything (CVE-2025-29927): guards live in services.
      const res = await request.fetch(url, { method, data: method === 'GET' ? undefined : {}, headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware' } });
      expect(res.status()).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    });
  }

  test('health is public', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: 'up' });
  });
});
