import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

const shots = 'test-results/screenshots';

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Port 1 on loopback: nothing listens, so the scan sees the connection refused at once. */
async function createRefusedTarget(page: Page, name: string): Promise<string> {
  const res = await page.request.post('/api/v1/databases', { data: { name, engine: 'postgresql', host: '127.0.0.1', port: 1, criticality: 'high' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Setup as the admin in a context of its own, so the test's page can sign in as another role. */
async function createAsAdmin(browser: Browser, name: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const admin = e2eUser('admin');
  await login(page, admin.email, admin.password);
  const id = await createRefusedTarget(page, name);
  await context.close();
  return id;
}

test.describe('Scan now', () => {
  test('an admin scans a refused target and sees the failure and grade F without a reload', async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const name = `scan-refused-${Date.now()}`;
    const id = await createRefusedTarget(page, name);

    await page.goto(`/databases/${id}`);
    await expect(page.getByText('Not scanned yet — press Scan now, or wait for the next scheduled scan (every 15 minutes).')).toBeVisible();
    // A marker on window survives client-side updates but not a reload.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    const scanNow = page.getByRole('button', { name: 'Scan now' });
    await scanNow.click();
    await expect(page.getByRole('status').filter({ hasText: /Requesting a scan…|Queued…|Scanning…/ })).toBeVisible();
    await expect(scanNow).toBeDisabled();
    await expect(page.getByRole('progressbar', { name: 'Scan in progress' })).toBeVisible();
    await screenshot(page, 'scan-progress-1280');

    await expect(page.getByRole('status').filter({ hasText: 'Scan finished' })).toBeVisible({ timeout: 45_000 });
    // each probe step as it finished: the refused connection fails reachability, and nothing after it ran
    const steps = page.getByRole('list', { name: 'Scan steps' }).getByRole('listitem');
    await expect(steps).toHaveText([/Reachability: failed/, /TLS: not run/, /Certificate: not run/, /Login: not run/, /Hardening: not run/, /TLS suites: not run/, /Kubernetes: not run/, /Backup: not run/]);
    const reachable = page.locator('li.check').filter({ hasText: 'target.reachable' });
    await expect(reachable.locator('.status')).toHaveText('FAIL');
    // The page opens on what needs attention; what passed or was skipped starts folded.
    await expect(page.locator('details.check-bucket-attention')).toHaveAttribute('open', '');
    for (const folded of await page.locator('details.check-bucket:not(.check-bucket-attention)').all()) await expect(folded).not.toHaveAttribute('open');
    await expect(reachable.locator('.check-observed')).toContainText('refused');
    await expect(page.locator('.posture-summary .grade')).toHaveText('F');
    await expect(page.locator('.title-meta .grade')).toHaveText('F');
    await expect(page.locator('.posture-stats')).not.toContainText('never');
    await expect(scanNow).toBeEnabled();
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // The details fold out with the why, the evidence and a remediation that copies.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await reachable.locator('summary').click();
    await expect(reachable.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
    await expect(reachable.locator('.evidence')).toContainText('classification');
    await expect(reachable.locator('pre.remediation')).toContainText('pg_isready');
    await expect(reachable.getByText('SOC 2 A1.2')).toBeVisible();
    await reachable.getByRole('button', { name: 'Copy' }).click();
    await expect(reachable.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('pg_isready');
    await screenshot(page, 'scan-result-1280');

    await page.goto(`/databases?q=${name}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(row.locator('.grade')).toHaveText('F');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`/databases/${id}`);
    await page.locator('li.check').filter({ hasText: 'target.reachable' }).locator('summary').click();
    await screenshot(page, 'scan-result-375');
  });

  test('an editor may request a scan', async ({ browser, page }) => {
    const id = await createAsAdmin(browser, `scan-editor-${Date.now()}`);
    const editor = e2eUser('editor');
    await login(page, editor.email, editor.password);
    const res = await page.request.post(`/api/v1/databases/${id}/scans`);
    expect(res.status()).toBe(202);
    const scan = (await res.json()) as { id: string; targetId: string; status: string };
    expect(scan).toMatchObject({ targetId: id, status: 'queued' });
    await expect
      .poll(async () => ((await (await page.request.get(`/api/v1/scans/${scan.id}`)).json()) as { status: string }).status, { timeout: 45_000 })
      .toBe('succeeded');
  });

  test('a viewer sees no Scan now button and is refused by the API', async ({ browser, page }) => {
    const id = await createAsAdmin(browser, `scan-viewer-${Date.now()}`);
    const viewer = e2eUser('viewer');
    await login(page, viewer.email, viewer.password);

    await page.goto(`/databases/${id}`);
    await expect(page.getByText('Not scanned yet — wait for the next scheduled scan (every 15 minutes).')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Scan now' })).toHaveCount(0);

    const res = await page.request.post(`/api/v1/databases/${id}/scans`);
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const checks = await page.request.get(`/api/v1/databases/${id}/checks`);
    expect(checks.status()).toBe(200);
    expect(await checks.json()).toEqual({ items: [] });
  });
});
