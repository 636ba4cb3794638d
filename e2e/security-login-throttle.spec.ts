import { randomBytes } from 'node:crypto';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

/** Posts the credentials form exactly as next-auth's signIn() does on the login page: CSRF token from /api/auth/csrf, json=true. */
async function signIn(api: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return api.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, callbackUrl: `${baseURL}/`, json: 'true' },
  });
}

const hasSession = async (api: APIRequestContext) => (await api.storageState()).cookies.some((c) => /session-token$/.test(c.name) && c.value !== '');

test('repeated failures for one account answer 429 with Retry-After; the real user gets in after the window; every attempt is audited', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `brute-${randomBytes(4).toString('hex')}@e2e.test`;
  const password = `Brute-force-target-${randomBytes(9).toString('base64url')}`;
  const admin = e2eUser('admin');
  await login(page, admin.email, admin.password);
  expect((await page.request.post('/api/v1/users', { data: { email, password, role: 'viewer' } })).status()).toBe(201);

  const api = await request.newContext({ baseURL });
  let res = await signIn(api, email, 'wrong-password-0');
  const answers: number[] = [];
  // The window is fixed (cut on the store's clock), so the limit may straddle two windows: bounded loop.
  for (let i = 1; i < 40 && res.status() !== 429; i++) {
    answers.push(res.status());
    expect(((await res.json()) as { url: string }).url).toMatch(/error=CredentialsSignin/);
    res = await signIn(api, email, `wrong-password-${i}`);
  }
  expect(res.status(), `statuses before the limit: ${answers.join(',')}`).toBe(429);
  const retryAfter = Number(res.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');

  // Limited: even the right password is refused, and no session is made.
  const blocked = await signIn(api, email, password);
  expect(blocked.status()).toBe(429);
  expect(await hasSession(api)).toBe(false);

  // The login page says so instead of "invalid password". The window is fixed, so first make sure enough of it is
  // left for a browser to sign in: near its end, wait for the next one and hit the limit again.
  let left = Number(blocked.headers()['retry-after'] ?? 0);
  for (let round = 0; round < 3 && left < 8; round++) {
    await new Promise((r) => setTimeout(r, (left + 1) * 1000));
    // each refused attempt of the new window is audited like the first ones
    let again = await signIn(api, email, 'wrong-password-again');
    for (let i = 0; i < 40 && again.status() !== 429; i++) {
      answers.push(again.status());
      again = await signIn(api, email, `wrong-password-again-${i}`);
    }
    expect(again.status()).toBe(429);
    left = Number(again.headers()['retry-after'] ?? 0);
  }
  const fresh = await browser.newPage();
  await fresh.goto('/login');
  await fresh.getByLabel('Email', { exact: true }).fill(email);
  await fresh.getByLabel('Password', { exact: true }).fill(password);
  await fresh.getByRole('button', { name: 'Sign in' }).click();
  await expect(fresh.getByText('Too many sign-in attempts')).toBeVisible();
  await fresh.close();

  const wait = Number((await signIn(api, email, password)).headers()['retry-after'] ?? retryAfter);
  await new Promise((r) => setTimeout(r, (wait + 1) * 1000));
  const ok = await signIn(api, email, password);
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { url: string }).url).not.toMatch(/error=/);
  expect(await hasSession(api)).toBe(true);
  await api.dispose();

  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ action: string; diff: unknown }>(
      `SELECT action, diff FROM "AuditLog" WHERE action LIKE 'auth.%' AND diff->>'email' = $1 ORDER BY id`,
      [email],
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.login_failed').length).toBe(answers.length);
    expect(actions).toContain('auth.login_limited');
    expect(actions[actions.length - 1]).toBe('auth.login');
    expect(JSON.stringify(rows)).not.toContain(password);
    expect(JSON.stringify(rows)).not.toContain('wrong-password-');
  } finally {
    await client.end();
  }
});
