import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';
import { lab } from './helpers/lab';

const appDir = path.resolve(import.meta.dirname, '../app');

function walk(dir: string, file: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p, file) : f === file ? [p] : [];
  });
}

/** The URL a page or route file serves: route groups dropped, dynamic segments filled in. */
function urlOf(file: string, ids: Record<string, string>): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  const url = `/${segments
    .map((s, i) => (s.startsWith('[') ? (ids[`${segments[i - 1]}/${s}`] ?? ids[s] ?? 'unknown') : s))
    .join('/')}`;
  return url;
}

test('a canary password stored through the API shows in no page, no API response and no server log line', async ({ page }) => {
  test.setTimeout(180_000);
  const canary = process.env.E2E_CANARY;
  expect(canary, 'scripts/e2e.ts hands over E2E_CANARY').toBeTruthy();
  const admin = e2eUser('admin');
  await login(page, admin.email, admin.password);

  // Pointed at a real lab server that offers TLS, with the lab CA so the server verifies, so the scan really logs
  // in with the canary (and is refused).
  const created = await page.request.post('/api/v1/databases', {
    data: {
      name: `canary-${Date.now().toString(36)}`, engine: 'postgresql', host: '127.0.0.1', port: Number(process.env.E2E_LAB_HEALTHY_PORT),
      database: process.env.E2E_LAB_DATABASE, caPem: lab().caPem, credential: { username: process.env.E2E_LAB_PROBE_USER, password: canary },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const target = (await created.json()) as { id: string };
  const tokenRes = await page.request.post('/api/v1/tokens', { data: { name: `canary-${Date.now().toString(36)}`, scopes: ['read', 'scan'] } });
  expect(tokenRes.status(), await tokenRes.text()).toBe(201);
  const apiToken = ((await tokenRes.json()) as { token: string }).token;
  const scanRes = await page.request.post(`/api/v1/databases/${target.id}/scans`, { headers: { authorization: `Bearer ${apiToken}` } });
  expect(scanRes.status()).toBe(202);
  const scan = (await scanRes.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/scans/${scan.id}`)).json()) as { status: string }).status, { timeout: 60_000 })
    .toMatch(/succeeded|failed/);
  const checks = await (await page.request.get(`/api/v1/databases/${target.id}/checks`)).text();
  expect(checks).toMatch(/login as .* failed|password authentication failed/);

  const ids: Record<string, string> = { 'databases/[id]': target.id, 'checks/[id]': 'password.strength', 'scans/[id]': scan.id };
  const pages = walk(appDir, 'page.tsx').map((f) => urlOf(f, ids));
  expect(pages).toEqual(expect.arrayContaining(['/', `/databases/${target.id}`, '/settings/tokens']));
  for (const url of pages) {
    const res = await page.goto(url);
    expect(res?.status() ?? 0, url).toBeLessThan(500);
    const html = `${(await res?.text()) ?? ''}\n${await page.content()}`;
    expect(html.includes(canary!), `page ${url}`).toBe(false);
    expect(html.includes(apiToken), `page ${url} shows the token`).toBe(false);
  }

  const routes = walk(appDir, 'route.ts')
    .filter((f) => /export (const|async function) GET\b|as GET\b/.test(readFileSync(f, 'utf8')) && !f.includes('[...nextauth]'))
    .map((f) => urlOf(f, ids));
  expect(routes).toEqual(expect.arrayContaining(['/api/v1/databases', `/api/v1/databases/${target.id}`, '/api/v1/inventory/export']));
  for (const url of routes) {
    for (const headers of [{}, { authorization: `Bearer ${apiToken}` }] as Record<string, string>[]) {
      const res = await page.request.get(url, { headers });
      expect(res.status(), url).toBeLessThan(500);
      expect((await res.text()).includes(canary!), `GET ${url}`).toBe(false);
    }
  }

  // The server's own output so far (scripts/e2e.ts tees it to a file; it also checks the whole run's log at the end).
  const log = process.env.E2E_SERVER_LOG;
  expect(log && existsSync(log), 'scripts/e2e.ts hands over E2E_SERVER_LOG').toBeTruthy();
  const text = readFileSync(log!, 'utf8');
  expect(text.length).toBeGreaterThan(0);
  expect(text.includes(canary!), 'server log').toBe(false);
  expect(text.includes(apiToken.slice(12)), 'server log holds the token secret').toBe(false);
});
