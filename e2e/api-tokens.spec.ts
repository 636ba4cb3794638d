import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { e2eUser, type E2eRole } from './helpers/e2e-user';
import { login } from './helpers/login';

const shots = 'test-results/screenshots';
const tokenPattern = /^pst_[A-Za-z0-9_-]{43}$/;

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function loginAs(page: Page, role: E2eRole) {
  const u = e2eUser(role);
  await login(page, u.email, u.password);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Fills and submits the create form; returns the one-time secret the page shows. */
async function createToken(page: Page, name: string, scopes: { scan?: boolean; write?: boolean } = {}): Promise<string> {
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (scopes.scan) await page.getByRole('checkbox', { name: /^scan\b/ }).check();
  if (scopes.write) await page.getByRole('checkbox', { name: /^write\b/ }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByLabel('Token secret', { exact: true });
  await expect(secret).toBeVisible();
  return secret.inputValue();
}

test.describe('API tokens as an admin', () => {
  test.beforeEach(async ({ page }) => {
    await loginAs(page, 'admin');
  });

  test('validation errors sit next to their fields', async ({ page }) => {
    await page.goto('/settings/tokens');
    await expect(page.getByRole('checkbox', { name: /^read\b/ })).toBeChecked();
    await page.getByRole('checkbox', { name: /^read\b/ }).uncheck();
    await page.getByLabel('Name', { exact: true }).fill('bad name!');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByRole('group', { name: 'Scopes' })).toContainText('choose at least one scope');
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('may use letters, digits, spaces')).toBeVisible();
    await expect(page.getByLabel('Token secret', { exact: true })).toHaveCount(0);
  });

  test('create a read+scan token, use it, see it once, revoke it', async ({ page, playwright, baseURL }) => {
    const name = `e2e-ci-${Date.now()}`;
    await page.goto('/settings');
    await page.getByRole('link', { name: /API tokens/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'API docs' }).first()).toHaveAttribute('href', '/api/docs');
    await expect(page.getByLabel('Expires', { exact: true })).toHaveValue('90d');

    const secret = await createToken(page, name, { scan: true });
    expect(secret).toMatch(tokenPattern);
    await expect(page.getByText('you will not see it again')).toBeVisible();
    await expect(page.locator('pre.remediation')).toContainText(`Authorization: Bearer $TOKEN" ${new URL(page.url()).origin}/api/v1/scores`);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy token' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // The list shows the token by its prefix only, never the secret.
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(secret.slice(0, 12));
    await expect(row).not.toContainText(secret);
    await expect(row.locator('.badge', { hasText: /^read$/ })).toBeVisible();
    await expect(row.locator('.badge', { hasText: /^scan$/ })).toBeVisible();
    await expect(row.locator('.badge', { hasText: /^write$/ })).toHaveCount(0);
    await expect(row).toContainText('active');
    await expect(row).toContainText('never');
    await screenshot(page, 'api-token-created-1280');

    // A fresh context: no session cookie, only the bearer token.
    const api = await playwright.request.newContext({ baseURL });
    const auth = { Authorization: `Bearer ${secret}` };
    const scores = await api.get('/api/v1/scores', { headers: auth });
    expect(scores.status()).toBe(200);
    expect(await scores.json()).toHaveProperty('fleet');
    const write = await api.post('/api/v1/databases', {
      headers: auth,
      data: { name: `token-made-${Date.now()}`, engine: 'postgresql', host: 'db.example.com', port: 5432 },
    });
    expect(write.status()).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('forbidden');

    // Gone after a reload: the page never had it from the server.
    await page.reload();
    await expect(row).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByLabel('Token secret', { exact: true })).toHaveCount(0);
    await expect(row).not.toContainText('never');

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Revoke the token ${name}` });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Confirm revoke' }).click();
    await expect(row.locator('.badge-danger')).toHaveText('revoked');
    await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

    const after = await api.get('/api/v1/scores', { headers: auth });
    expect(after.status()).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    await api.dispose();
  });

  test('the one-time secret can be dismissed', async ({ page }) => {
    await page.goto('/settings/tokens');
    const secret = await createToken(page, `e2e-dismiss-${Date.now()}`);
    expect(secret).toMatch(tokenPattern);
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await expect(page.getByLabel('Token secret', { exact: true })).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
  });
});

test.describe('API tokens are admin-only', () => {
  for (const role of ['editor', 'viewer'] as const) {
    test(`${role} gets the 403 page and no settings card`, async ({ page }) => {
      await loginAs(page, role);
      const res = await page.goto('/settings/tokens');
      expect(res?.status()).toBe(403);
      await expect(page.getByText(`This page needs the admin role; you are signed in as ${role === 'editor' ? 'an' : 'a'} ${role}.`)).toBeVisible();
      await page.goto('/settings');
      await expect(page.getByRole('link', { name: /API tokens/ })).toHaveCount(0);
      await expect(page.getByRole('link', { name: /API docs/ })).toBeVisible();
    });
  }
});

test.describe('API docs', () => {
  test('a viewer sees every operation of the OpenAPI document, with working schema links', async ({ page }) => {
    await loginAs(page, 'viewer');
    const res = await page.goto('/api/docs');
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: /Posture API/ })).toBeVisible();

    const scores = page.locator('#op-getScores');
    await expect(scores.locator('.method')).toHaveText('GET');
    await expect(scores.locator('.op-path')).toHaveText('/api/v1/scores');
    await expect(scores.locator('.scope-badge')).toHaveText(['read']);
    await expect(page.locator('#op-listDatabases')).toContainText('List databases');
    await expect(page.locator('#op-requestScan .scope-badge')).toHaveText(['scan']);
    await expect(page.locator('#op-createDatabase .scope-badge')).toHaveText(['write']);
    await expect(page.getByText('Retry-After').first()).toBeVisible();

    // Every operation in the document has a card and a table-of-contents entry.
    const doc = (await (await page.request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      await expect(page.locator(`#op-${id}`), id).toHaveCount(1);
      await expect(page.locator(`.api-toc a[href="#op-${id}"]`), id).toHaveCount(1);
    }

    // Each $ref link lands on a schema that is on the page.
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a.schema-ref')].map((a) => a.getAttribute('href') ?? '').filter((h) => !document.getElementById(h.slice(1))),
    );
    expect(missing).toEqual([]);
    await page.locator('#op-listDatabases a.schema-ref', { hasText: 'DatabasePage' }).first().click();
    await expect(page).toHaveURL(/#schema-DatabasePage$/);
    await expect(page.locator('#schema-DatabasePage')).toBeInViewport();
    await screenshot(page, 'api-docs-1280');
  });
});

test.describe('at 375px', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the tokens page (with a new secret shown) and the docs page do not scroll sideways', async ({ page }) => {
    await loginAs(page, 'admin');
    await page.goto('/settings/tokens');
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);

    const name = `e2e-mobile-${Date.now()}`;
    await createToken(page, name);
    await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'api-token-created-375');

    await page.goto('/api/docs');
    await expect(page.locator('#op-getScores')).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'api-docs-375');

    const list = await page.request.get('/api/v1/tokens');
    const token = ((await list.json()) as { items: { id: string; name: string }[] }).items.find((t) => t.name === name);
    expect(token).toBeDefined();
    expect((await page.request.delete(`/api/v1/tokens/${token?.id}`)).status()).toBe(200);
  });
});
