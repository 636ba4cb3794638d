import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

const shots = 'test-results/screenshots';
const CSV_HEADER =
  'target,host,port,database,grade,environment,team,owner_email,owner_email_source,check_id,check_title,severity,status,summary,remediation,first_seen,changed_at,last_seen,exception_until';

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** One check on the detail page, by its exact id (other checks' text may mention it). */
const checkItem = (page: Page, id: string) => page.locator('li.check').filter({ has: page.locator('.check-id').getByText(id, { exact: true }) });

const utcDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Grades {
  score: number | null;
  scoreWithExceptions: number | null;
  gradeWithExceptions: string | null;
}
const grades = async (request: APIRequestContext, id: string) => (await (await request.get(`/api/v1/databases/${id}`)).json()) as Grades;

async function scanNow(request: APIRequestContext, id: string): Promise<void> {
  const scan = (await (await request.post(`/api/v1/databases/${id}/scans`)).json()) as { id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/scans/${scan.id}`)).json()) as { status: string }).status, { timeout: 45_000 })
    .toBe('succeeded');
}

async function createScanned(request: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const res = await request.post('/api/v1/databases', { data: { engine: 'postgresql', host: '127.0.0.1', environment: 'staging', ownerTeam: 'risk-e2e', ...data } });
  expect(res.status()).toBe(201);
  const id = ((await res.json()) as { id: string }).id;
  await scanNow(request, id);
  return id;
}

/** Port 1 on loopback refuses at once: target.reachable fails (and every probe behind it errors). */
const scannedRefusedTarget = (request: APIRequestContext, name: string) => createScanned(request, { name, port: 1 });

/**
 * The e2e store itself, a real PostgreSQL without TLS and without a stored credential: reachable passes,
 * pg.tls.enabled (critical) and pg.tls.required (high) fail, the rest skip. Score 40; 66.7 once TLS-enabled is accepted.
 */
function scannedPlaintextTarget(request: APIRequestContext, name: string) {
  const port = Number(new URL(process.env.DATABASE_URL ?? '').port);
  expect(port).toBeGreaterThan(0);
  return createScanned(request, { name, port });
}

test.describe('Findings and exceptions', () => {
  test('an editor accepts a risk on the detail page, sees it on findings and the CSV, and revokes it', async ({ page }) => {
    const editor = e2eUser('editor');
    await login(page, editor.email, editor.password);
    const name = `risk-accept-${Date.now()}`;
    const id = await scannedPlaintextTarget(page.request, name);
    expect(await grades(page.request, id)).toMatchObject({ score: 40, scoreWithExceptions: 40 });

    // Accept the failing check's risk from its expanded details.
    await page.goto(`/databases/${id}`);
    const tls = checkItem(page, 'pg.tls.enabled');
    await expect(tls.locator('.status')).toHaveText('FAIL');
    await tls.locator('summary').click();
    await expect(tls.getByLabel('Accept until')).toHaveValue(utcDay(90));
    await tls.getByRole('button', { name: 'Accept risk' }).click();
    await expect(tls.getByText('Explain why, in at least 10 characters')).toBeVisible();
    await tls.getByLabel('Justification').fill('Internal-only network until the TLS rollout in Q1; tracked in SEC-42.');
    await tls.getByRole('button', { name: 'Accept risk' }).click();
    await expect(tls.locator('.badge-accepted')).toHaveText(`Accepted until ${utcDay(90)}`);
    await expect(tls.getByText('tracked in SEC-42')).toBeVisible();
    await expect(tls.getByRole('button', { name: 'Accept risk' })).toHaveCount(0);
    // The other failure still offers it.
    const required = checkItem(page, 'pg.tls.required');
    await required.locator('summary').click();
    await expect(required.getByRole('button', { name: 'Accept risk' })).toBeVisible();
    await screenshot(page, 'exception-accepted-detail-1280');
    expect(await grades(page.request, id)).toMatchObject({ score: 40, scoreWithExceptions: 66.7, gradeWithExceptions: 'F' });

    // Both findings are listed, the accepted one marked; the CSV export keeps the filters.
    await page.goto(`/findings?q=${name}`);
    const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(rows).toHaveCount(2);
    const tlsRow = rows.filter({ has: page.getByRole('link', { name: 'TLS is enabled' }) });
    await expect(tlsRow.getByRole('link', { name: 'TLS is enabled' })).toHaveAttribute('href', '/checks/pg.tls.enabled');
    await expect(tlsRow.locator('.status')).toHaveText('FAIL');
    await expect(tlsRow.getByText(`Accepted until ${utcDay(90)}`)).toBeVisible();
    await expect(tlsRow.getByRole('button', { name: 'Accept risk…' })).toHaveCount(0);
    await screenshot(page, 'findings-1280');

    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    await expect(exportLink).toHaveAttribute('href', `/api/v1/findings/export?q=${name}`);
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    expect(download.suggestedFilename()).toBe(`posture-findings-${utcDay(0)}.csv`);
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^${name},127\\.0\\.0\\.1,\\d+,,F,staging,risk-e2e,,none,pg\\.tls\\.enabled,TLS is enabled,critical,fail,`));
    expect(lines[1]).toMatch(new RegExp(`,${utcDay(90)}T23:59:59\\.999Z$`));
    expect(lines[2]).toMatch(new RegExp(`^${name},127\\.0\\.0\\.1,\\d+,,F,staging,risk-e2e,,none,pg\\.tls\\.required,.*,high,fail,.*,$`, 's'));
    expect(lines[3]).toBe('');

    await page.goto('/findings?q=no-such-database-anywhere');
    await expect(page.getByText('No findings match these filters')).toBeVisible();

    // Revoke on /exceptions: the finding counts again at once.
    await page.goto(`/exceptions?q=${name}`);
    const active = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(active.getByText(`Accepted until ${utcDay(90)}`)).toBeVisible();
    await expect(active).toContainText('editor@e2e.test');
    await screenshot(page, 'exceptions-1280');
    await active.getByRole('button', { name: 'Revoke' }).click();
    await active.getByRole('button', { name: 'Confirm revoke' }).click();
    await expect(page.getByText('No exceptions match this search')).toBeVisible();
    expect(await grades(page.request, id)).toMatchObject({ score: 40, scoreWithExceptions: 40 });
    await page.getByRole('link', { name: /Revoked/ }).click();
    await expect(page.getByRole('row').filter({ has: page.getByRole('link', { name }) })).toContainText(/Revoked \d{4}-\d{2}-\d{2}/);

    // Accepting straight from a findings row.
    await page.goto(`/findings?q=${name}&checkId=pg.tls.required`);
    const again = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await again.getByRole('button', { name: 'Accept risk…' }).click();
    const form = page.getByRole('form', { name: 'Accept the risk of pg.tls.required' });
    await form.getByLabel('Justification').fill('Host is being rebuilt; tracked in OPS-1234.');
    await form.getByLabel('Accept until').fill(utcDay(14));
    await form.getByRole('button', { name: 'Accept risk' }).click();
    await expect(again.getByText(`Accepted until ${utcDay(14)}`)).toBeVisible();
    await expect(form).toHaveCount(0);
    expect((await grades(page.request, id)).scoreWithExceptions).toBe(50);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`/findings?q=${name}`);
    await screenshot(page, 'findings-375');
    await page.goto(`/exceptions?q=${name}`);
    await screenshot(page, 'exceptions-375');
  });

  test('an expiry over a year away is refused next to the field', async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const name = `risk-limit-${Date.now()}`;
    const id = await scannedRefusedTarget(page.request, name);
    const res = await page.request.post('/api/v1/exceptions', { data: { targetId: id, checkId: 'target.reachable', reason: 'far too long an acceptance', expiresAt: `${utcDay(400)}T00:00:00Z` } });
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual(['expiresAt']);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`/findings?q=${name}&checkId=target.reachable`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await row.getByRole('button', { name: 'Accept risk…' }).click();
    const form = page.getByRole('form', { name: 'Accept the risk of target.reachable' });
    // The table scrolls sideways on a phone; the form stays in view (sticky) wherever the table is scrolled to.
    await form.getByRole('button', { name: 'Accept risk' }).scrollIntoViewIfNeeded();
    await expect(form.getByRole('button', { name: 'Accept risk' })).toBeInViewport();
    await expect(form.getByLabel('Justification')).toBeInViewport();
    await form.getByLabel('Justification').fill('Trying to accept for far too long.');
    await form.getByLabel('Accept until').fill(utcDay(400));
    await form.getByRole('button', { name: 'Accept risk' }).click();
    await expect(form.getByText('Accept a risk for at most one year')).toBeVisible();
    await screenshot(page, 'accept-risk-error-375');
  });

  test('a viewer sees findings and exceptions but no Accept risk or Revoke', async ({ browser, page }) => {
    const setup = await browser.newContext();
    const adminPage = await setup.newPage();
    const admin = e2eUser('admin');
    await login(adminPage, admin.email, admin.password);
    const name = `risk-viewer-${Date.now()}`;
    const id = await scannedRefusedTarget(adminPage.request, name);
    const created = await adminPage.request.post('/api/v1/exceptions', { data: { targetId: id, checkId: 'target.reachable', reason: 'Accepted by an admin for the viewer test', expiresAt: `${utcDay(30)}T23:59:59.999Z` } });
    expect(created.status()).toBe(201);
    const exception = (await created.json()) as { id: string };
    await setup.close();

    const viewer = e2eUser('viewer');
    await login(page, viewer.email, viewer.password);
    await page.goto(`/findings?q=${name}&exceptions=only`);
    await expect(page.getByRole('row').filter({ has: page.getByRole('link', { name }) })).toContainText(`Accepted until ${utcDay(30)}`);
    await expect(page.getByRole('button', { name: 'Accept risk…' })).toHaveCount(0);
    await page.goto(`/exceptions?q=${name}`);
    await expect(page.getByRole('row').filter({ has: page.getByRole('link', { name }) })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    await page.goto(`/databases/${id}`);
    const reachable = checkItem(page, 'target.reachable');
    await expect(reachable.locator('.badge-accepted')).toHaveText(`Accepted until ${utcDay(30)}`);
    const revoke = await page.request.post(`/api/v1/exceptions/${exception.id}/revoke`);
    expect(revoke.status()).toBe(403);
    const accept = await page.request.post('/api/v1/exceptions', { data: { targetId: id, checkId: 'password.age', reason: 'viewer tries this one', expiresAt: `${utcDay(30)}T00:00:00Z` } });
    expect(accept.status()).toBe(403);
  });
});
