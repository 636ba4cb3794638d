import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

const uuid = '00000000-0000-4000-8000-000000000000';
const forged = { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };

/** Everything the production build serves, from its own manifest: pages and route handlers, route groups removed. */
function builtEntries(): { pages: string[]; routes: string[] } {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/server/app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  const url = (key: string) => key.replace(/\/\([^/()]+\)/g, '').replace(/\/(page|route)$/, '').replace(/\[\.\.\.[^[\]]+\]/g, 'x').replace(/\[[^[\]]+\]/g, uuid) || '/';
  const keys = Object.keys(manifest).filter((k) => !k.startsWith('/_'));
  return { pages: keys.filter((k) => k.endsWith('/page')).map(url), routes: keys.filter((k) => k.endsWith('/route')).map(url) };
}

test.describe('1. every built page and route is guarded', () => {
  const { pages, routes } = builtEntries();

  test('the build has no server actions (nothing reachable that the route list misses)', () => {
    const actions = JSON.parse(readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as { node: object; edge: object };
    expect(Object.keys(actions.node)).toEqual([]);
    expect(Object.keys(actions.edge)).toEqual([]);
    expect(pages.length).toBeGreaterThan(15);
    expect(routes.length).toBeGreaterThan(25);
  });

  for (const page of pages.filter((p) => p !== '/login')) {
    test(`page ${page} redirects to /login without a session, also with a forged middleware header`, async ({ request }) => {
      for (const headers of [{}, forged]) {
        const res = await request.get(page, { headers, maxRedirects: 0 });
        expect([302, 303, 307, 308], `${page} answered ${res.status()}`).toContain(res.status());
        expect(res.headers()['location']).toMatch(/\/login(\?|$)/);
      }
    });
  }

  const isPublic = (r: string) => r.startsWith('/api/auth/') || r === '/api/health' || r === '/api/health/live';
  for (const route of routes.filter((r) => !isPublic(r))) {
    test(`route ${route}: every method answers 401 without credentials`, async ({ request }) => {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await request.fetch(route, { method, headers: forged, data: method === 'GET' ? undefined : {}, maxRedirects: 0 });
        // 405 is Next refusing a method the route does not export: nothing ran.
        expect([401, 405], `${method} ${route} answered ${res.status()}`).toContain(res.status());
      }
    });
  }
});

async function nonceOf(request: APIRequestContext, url: string, headers: Record<string, string> = {}) {
  const res = await request.get(url, { headers });
  const csp = res.headers()['content-security-policy'] ?? '';
  return { res, csp, nonce: /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] ?? null, html: await res.text() };
}

test.describe('3. browser hardening', () => {
  test('pages carry a fresh nonce CSP that their scripts use, and the other headers; HSTS only behind HTTPS', async ({ request }) => {
    const a = await nonceOf(request, '/login');
    const b = await nonceOf(request, '/login');
    expect(a.nonce).toBeTruthy();
    expect(a.nonce).not.toBe(b.nonce);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'strict-dynamic'"]) expect(a.csp).toContain(d);
    const scripts = [...a.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s, s).toContain(`nonce="${a.nonce}"`);
    const h = a.res.headers();
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['strict-transport-security']).toBeUndefined();
    const behindTls = await nonceOf(request, '/login', { 'x-forwarded-proto': 'https' });
    expect(behindTls.res.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
    const api = await request.get('/api/health');
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('the app runs under its CSP: no violations while browsing', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    for (const url of ['/', '/databases', '/findings', '/alerts', '/settings/tokens', '/api/docs']) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(violations).toEqual([]);
  });

  test('the session cookie is HttpOnly and SameSite=Lax; a cross-origin POST with it is refused', async ({ page, baseURL }) => {
    const viewer = e2eUser('editor');
    await login(page, viewer.email, viewer.password);
    const session = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
    expect(session).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe('Lax');
    const res = await page.request.post('/api/v1/databases', {
      headers: { origin: 'https://evil.example' },
      data: { name: `xorigin-${Date.now()}`, engine: 'postgresql', host: 'db.example.internal', port: 5432 },
    });
    expect(res.status()).toBe(403);
    const list = await page.request.get('/api/v1/databases?limit=200');
    expect(JSON.stringify(await list.json())).not.toContain('xorigin-');
    expect(baseURL).toMatch(/^http:/);
  });
});

test('4. a password change ends the user\'s other sessions at their next request', async ({ browser }) => {
  const email = `revoke-${Date.now()}@e2e.test`;
  const password = `Pw-${randomBytes(12).toString('base64url')}`;
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  const adminUser = e2eUser('admin');
  await login(admin, adminUser.email, adminUser.password);
  const created = await admin.request.post('/api/v1/users', { data: { email, name: 'Revoke Me', role: 'editor', password } });
  expect(created.status()).toBe(201);
  const userId = ((await created.json()) as { id: string }).id;

  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await login(laptop, email, password);
  await login(phone, email, password);
  expect((await phone.request.get('/api/v1/scores')).status()).toBe(200);

  const changed = await laptop.request.put(`/api/v1/users/${userId}/password`, { data: { currentPassword: password, password: `New-${randomBytes(12).toString('base64url')}` } });
  expect(changed.status()).toBe(204);
  // The other device's JWT is still unexpired, but its session version is stale: refused on the very next request.
  expect((await phone.request.get('/api/v1/scores')).status()).toBe(401);
  await phone.goto('/databases');
  await expect(phone).toHaveURL(/\/login(\?|$)/);
  await adminCtx.close();
});
