import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

const shots = 'test-results/screenshots';

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** A target on 127.0.0.1:1 (refused at once), scanned now through the API, so it ends graded F with score 0. */
async function scannedRefusedTarget(page: Page, name: string): Promise<string> {
  const created = await page.request.post('/api/v1/databases', { data: { name, engine: 'postgresql', host: '127.0.0.1', port: 1, criticality: 'high', ownerTeam: 'overview-team' } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const scan = await page.request.post(`/api/v1/databases/${id}/scans`);
  expect(scan.status()).toBe(202);
  const { id: scanId } = (await scan.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/scans/${scanId}`)).json()) as { status: string }).status, { timeout: 45_000 })
    .toBe('succeeded');
  return id;
}

test.describe('Fleet overview', () => {
  test('an admin sees the fleet grade, the 30-day comparison, the trend and the worst databases', async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    await scannedRefusedTarget(page, `overview-refused-${Date.now()}`);

    const rollup = await page.request.post('/api/v1/fleet/rollup');
    expect(rollup.status()).toBe(200);
    const { snapshot } = (await rollup.json()) as { snapshot: { day: string; grade: string; score: number } | null };
    expect(snapshot?.day).toBe(new Date().toISOString().slice(0, 10));

    await page.goto('/');
    const grade = page.locator('.fleet-grade');
    await expect(grade.getByRole('heading', { name: 'Fleet grade' })).toBeVisible();
    await expect(grade.locator('.grade-large')).toHaveText(/^(A|B|C|D|F)[+-]?$/);
    await expect(grade.getByText('With accepted exceptions')).toBeVisible();

    const compare = page.getByRole('region', { name: '30 days ago → now' });
    await expect(compare.getByRole('rowheader', { name: 'Critical issues' })).toBeVisible();
    await expect(compare.getByText('No data 30 days ago yet')).toBeVisible();

    await expect(page.getByRole('region', { name: 'Grade distribution' }).getByText('Grade F:')).toBeAttached();

    // Only today's roll-up exists in this store: the trend shows its empty state, the toggle still works.
    const trend = page.getByRole('region', { name: 'Fleet score trend' });
    await expect(trend.getByText('The trend appears after the first day of scans').or(trend.getByRole('img'))).toBeVisible();
    await trend.getByRole('button', { name: '7 days' }).click();
    await expect(trend.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');

    await expect(page.getByRole('heading', { name: /Certificates expiring/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Passwords due/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Stale backups/ })).toBeVisible();

    // The lowest score in this fleet is a refused target's 0, so the worst list starts with an F.
    const worst = page.getByRole('region', { name: 'Worst databases' });
    const rows = worst.getByRole('row');
    await expect(rows.nth(1).locator('.grade')).toHaveText('F');
    expect(await rows.count()).toBeLessThanOrEqual(11);
    await screenshot(page, 'fleet-overview-1280');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await expect(page.locator('.fleet-grade .grade-large')).toBeVisible();
    // Nothing but the worst-databases table (which scrolls inside its own region) may be wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'fleet-overview-375');

    await worst.getByRole('row').nth(1).locator('.cell-name a').click();
    await expect(page).toHaveURL(/\/databases\/[0-9a-f-]{36}$/);
  });

  test('with a month of fleet history the trend draws a line and the 30-day comparison fills in', async ({ page }) => {
    // History cannot be made faster than a day passes, so earlier fleet snapshots are written straight to the store.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`
        INSERT INTO "GradeSnapshot" ("targetId", day, score, "scoreWithExceptions", grade, critical, high, medium, low)
        SELECT NULL, current_date - d, 60 + d * 0.5, 62 + d * 0.5, 'D-', 3, 4, 2, 0
        FROM generate_series(1, 35) AS d
        WHERE NOT EXISTS (SELECT 1 FROM "GradeSnapshot" g WHERE g."targetId" IS NULL AND g.day = current_date - d)`);
    } finally {
      await client.end();
    }
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    await page.goto('/');
    const trend = page.getByRole('region', { name: 'Fleet score trend' });
    await trend.getByRole('button', { name: '30 days' }).click();
    await expect(trend.locator('.recharts-line-curve, .recharts-area-curve').first()).toBeVisible();
    const compare = page.getByRole('region', { name: '30 days ago → now' });
    await expect(compare.getByText('No data 30 days ago yet')).toHaveCount(0);
    await expect(compare.getByRole('row', { name: /Critical issues/ })).toContainText('3');
    await screenshot(page, 'fleet-overview-trend-1280');
  });

  test('a viewer reads the overview but may not trigger a roll-up', async ({ page }) => {
    const viewer = e2eUser('viewer');
    await login(page, viewer.email, viewer.password);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    const overview = await page.request.get('/api/v1/fleet?days=7');
    expect(overview.status()).toBe(200);
    expect(((await overview.json()) as { trendDays: number }).trendDays).toBe(7);
    const rollup = await page.request.post('/api/v1/fleet/rollup');
    expect(rollup.status()).toBe(403);
    expect(((await rollup.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });
});
