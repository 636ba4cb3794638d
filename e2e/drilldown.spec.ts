import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';
import { createLabDatabase, lab, scanViaApi } from './helpers/lab';

const shots = 'test-results/screenshots';

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Days of history a new database cannot have yet: one snapshot a day for the 40 days before today, climbing to today's score. */
async function seedHistory(targetId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "GradeSnapshot" ("targetId", day, score, "scoreWithExceptions", grade)
       SELECT $1::uuid, (now() AT TIME ZONE 'UTC')::date - g, 45 + (40 - g), 45 + (40 - g), CASE WHEN 45 + (40 - g) >= 80 THEN 'B-' WHEN 45 + (40 - g) >= 60 THEN 'D-' ELSE 'F' END
       FROM generate_series(1, 40) AS g
       ON CONFLICT ("targetId", day) DO NOTHING`,
      [targetId],
    );
  } finally {
    await client.end();
  }
}

test.describe('drill-down: a database with an expired certificate, its check, and compliance', () => {
  test('scan, what to fix first, check docs, compliance tables, CSV and printable report', async ({ page }) => {
    test.setTimeout(180_000);
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const stamp = Date.now();
    const healthy = await createLabDatabase(page, `lab-healthy-${stamp}`, lab().healthyPort);
    await scanViaApi(page, healthy);
    const name = `lab-cert-expired-${stamp}`;
    const id = await createLabDatabase(page, name, lab().certExpiredPort);
    // An expired certificate does not verify, so the login waits until an admin trusts the served key.
    await scanViaApi(page, id);
    type Checks = { items: { evidence: { credentialWithheld?: { spkiSha256: string } } }[] };
    const withheld = ((await (await page.request.get(`/api/v1/databases/${id}/checks`)).json()) as Checks).items.find((c) => c.evidence.credentialWithheld);
    const pin = await page.request.put(`/api/v1/databases/${id}/certificate-pin`, { data: { spkiSha256: withheld!.evidence.credentialWithheld!.spkiSha256 } });
    expect(pin.status(), await pin.text()).toBe(200);

    // Scan now from the detail page; the result comes in without a reload.
    await page.goto(`/databases/${id}`);
    await expect(page.getByText('No changes yet')).toHaveCount(0);
    await page.getByRole('button', { name: 'Scan now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Scan finished' })).toBeVisible({ timeout: 60_000 });

    const expiry = page.locator('li.check').filter({ hasText: 'cert.expiry' });
    await expect(expiry.locator('.status').first()).toHaveText('FAIL');
    await expect(expiry).toContainText(/expired \d+ days? ago/);
    await expiry.locator('summary').first().click();
    await expect(expiry.locator('pre.remediation')).toContainText('openssl');
    await expect(page.locator('.posture-summary .grade').first()).toHaveText('F');
    await expect(page.locator('.title-meta .grade').first()).toHaveText('F');

    // What to fix first: the expired certificate lifts the F cap, so it comes first.
    const plan = page.getByRole('region', { name: 'What to fix first' });
    await expect(plan.getByText(/Fix (this one|these \d+) to reach/)).toBeVisible();
    await expect(plan.getByRole('listitem').first()).toContainText('Certificate is not about to expire');

    // On day one there is no second daily grade yet: the chart draws today's scans, one step each.
    const history = page.getByRole('region', { name: 'Grade history' });
    await expect(history.locator('figcaption')).toContainText(/^Day one: \d+ scans? today \(UTC\)/);
    await expect(history.locator('.recharts-surface')).toBeVisible();
    await history.getByRole('button', { name: '7 days' }).click();
    await expect(history.getByRole('button', { name: '7 days' })).toHaveAttribute('aria-pressed', 'true');

    // With a few weeks of snapshots the chart draws, and the range buttons slice what the page already has.
    await seedHistory(id);
    await page.reload();
    await expect(history.locator('.recharts-surface')).toBeVisible();
    await expect(history.locator('figcaption')).toContainText('Over the last 30 days (30 daily grades)');
    await history.getByRole('button', { name: '90 days' }).click();
    await expect(history.locator('figcaption')).toContainText('Over the last 90 days (41 daily grades), the score went from 45.0');
    await history.getByRole('button', { name: '7 days' }).click();
    await expect(history.getByRole('img')).toHaveAttribute('aria-label', /^Over the last 7 days \(7 daily grades\)/);

    // The first scan's results are the first status changes.
    const changes = page.getByRole('region', { name: 'Status changes' });
    await expect(changes.getByRole('listitem').filter({ hasText: 'Certificate is not about to expire' })).toContainText('FAIL');
    await screenshot(page, 'drilldown-detail-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'drilldown-detail-375');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The check's own page, from the plan.
    await plan.getByRole('link', { name: 'Certificate is not about to expire' }).click();
    await expect(page).toHaveURL(/\/checks\/cert\.expiry$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Certificate is not about to expire' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
    await expect(page.locator('pre.remediation')).toContainText('openssl x509');
    await expect(page.getByText(/Currently failing on \d+ databases?\./)).toBeVisible();
    await expect(page.getByRole('link', { name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'PCI-DSS 4.2.1' })).toBeVisible();
    await screenshot(page, 'check-doc-1280');

    // The catalog lists it under its area.
    await page.goto('/checks');
    await expect(page.getByRole('region', { name: 'Certificate' }).getByRole('link', { name: 'Certificate is not about to expire' })).toBeVisible();
    await screenshot(page, 'checks-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'checks-375');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The healthy lab server lacks only what embedded PostgreSQL cannot ship (pgAudit, a logging collector): still A+,
    // with nothing critical or high left to plan.
    await page.goto(`/databases/${healthy}`);
    await expect(page.locator('.posture-summary .grade').first()).toHaveText('A+');
    const healthyPlan = page.getByRole('region', { name: 'What to fix first' });
    await expect(healthyPlan).toBeVisible();
    await expect(healthyPlan).not.toContainText(/\b(critical|high)\b/);
    // Its TLS listener as enumerated: TLS 1.2 and 1.3 only, Mozilla intermediate suites, none flagged.
    const tls = page.getByRole('region', { name: 'TLS configuration' });
    const rows = tls.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1).getByRole('rowheader')).toHaveText('TLSv1.2');
    await expect(rows.nth(1)).toContainText('ECDHE-RSA-AES128-GCM-SHA256');
    await expect(rows.nth(2).getByRole('rowheader')).toHaveText('TLSv1.3');
    await expect(tls.locator('.badge')).toHaveCount(0);
    await expect(tls).toContainText('secp256r1');
    await tls.scrollIntoViewIfNeeded();
    await screenshot(page, 'tls-table-1280');

    // Compliance: the three frameworks, with the transit-encryption controls failing.
    await page.goto('/compliance');
    for (const framework of ['GDPR', 'PCI-DSS', 'SOC 2']) {
      await expect(page.getByRole('heading', { level: 2, name: framework, exact: true })).toBeVisible();
    }
    const pci = page.getByRole('region', { name: 'PCI-DSS', exact: true });
    await expect(pci.getByRole('row').filter({ hasText: '4.2.1' })).toContainText(/Failing on \d+ databases?/);
    const checklist = page.getByRole('region', { name: 'Security Validation Checklist' });
    await expect(checklist.getByRole('row').filter({ hasText: 'Redis accepts TLS connections' })).toContainText(/No data|OK|Failing on/);
    // Live, not "not automated"; OK or failing depends on what else the store holds by now.
    await expect(checklist.getByRole('row').filter({ hasText: 'PostgreSQL accepts TLS connections' })).toContainText(/OK|Failing on/);
    await screenshot(page, 'compliance-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'compliance-375');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The button downloads the CSV; the API call shows its headers. After a quiet spell the request context's
    // kept-alive socket may have been closed by the server: a reset there is retried.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^posture-compliance-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await page.request.get('/api/v1/compliance/export', { maxRetries: 2 });
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe('framework,control,name,check_id,passing,failing,status');
    expect(lines.find((l) => l.startsWith('PCI-DSS,4.2.1,') && l.includes(',cert.expiry,'))).toMatch(/,non_compliant$/);

    // The printable report: a timestamp and the fleet grade; print media drops the navigation.
    await page.getByRole('link', { name: 'Printable report' }).click();
    await expect(page).toHaveURL(/\/compliance\/report$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Database security compliance report' })).toBeVisible();
    await expect(page.locator('.report-meta')).toContainText('Generated');
    await expect(page.locator('.report-meta .grade')).toHaveText(/^[A-F][+-]?$/);
    await screenshot(page, 'compliance-report-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'compliance-report-375');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeHidden();
    await screenshot(page, 'compliance-report-print');
    await page.pdf({ path: `${shots}/compliance-report.pdf`, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    // Accepting the risk shows both grades: the plain one stays F, the one with exceptions leaves cert.expiry out.
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const accepted = await page.request.post('/api/v1/exceptions', {
      data: { targetId: id, checkId: 'cert.expiry', reason: 'Renewal is booked with the CA for this week', expiresAt },
      maxRetries: 2,
    });
    expect(accepted.status(), await accepted.text()).toBe(201);
    await page.goto(`/databases/${id}`);
    await expect(page.locator('.title-meta')).toContainText('with 1 accepted exception');
    await expect(page.locator('.title-meta .grade')).toHaveText(['F', 'A+']);
    await expect(page.locator('.posture-stats')).toContainText('With exceptions');
    // The accepted check leaves the plan; what embedded PostgreSQL cannot ship (pgAudit, …) stays in it.
    const planWithException = page.getByRole('region', { name: 'What to fix first' });
    await expect(planWithException).toContainText('Checks with an accepted exception are left out');
    await expect(planWithException).not.toContainText('Certificate is not about to expire');
    await screenshot(page, 'drilldown-detail-exception-1280');
  });
});
