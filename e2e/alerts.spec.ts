import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

// scripts/e2e.ts runs a real SMTP catcher process and points the app and worker at it; the worker's delivery cron
// is moved out of the way, so an email stays pending until "Deliver now" (POST /api/v1/alerts/deliver) runs.

const shots = 'test-results/screenshots';
async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

interface Caught {
  envelope: { to: string[] };
  subject: string | null;
  messageId: string | null;
  text: string | null;
}

/** What the catcher stored for one recipient. */
function caughtFor(to: string): Caught[] {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR must be set; run the specs through npm run test:e2e');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Caught)
    .filter((m) => m.envelope.to.includes(to));
}

/** A dead email as the worker leaves one after its last failed attempt. */
async function insertDeadEmail(to: string): Promise<string> {
  const id = randomUUID();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Outbox" (id, "dedupeKey", kind, severity, recipients, subject, text, html, status, attempts, "lastError", "nextAttemptAt")
       VALUES ($1, $2, 'cert.expiry', 'critical', $3, $4, 'Renew the certificate.', '<p>Renew the certificate.</p>', 'dead', 8, 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525', now())`,
      [id, `e2e-dead:${id}`, [to], `[Posture] e2e-db: TLS certificate expires in 7 days (${id.slice(0, 8)})`],
    );
  } finally {
    await client.end();
  }
  return id;
}

const row = (page: Page, to: string) => page.locator('tbody tr', { hasText: to });

test.describe('Alerts page', () => {
  test('an admin sends a test email, sees it pending, delivers it and reads it; the SMTP server received it', async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    await expect(page.getByText(/Sending through\s+127\.0\.0\.1:\d+/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Alert rules' })).toBeVisible();

    // A bad address is refused next to the field.
    const to = `e2e-test-${Date.now()}@example.com`;
    await page.getByLabel('To', { exact: true }).fill('not-an-address');
    await page.getByRole('button', { name: 'Send test email' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();

    await page.getByLabel('To', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Send test email' }).click();
    await expect(page.getByText(`Queued for ${to}`)).toBeVisible();
    const mine = row(page, to);
    await expect(mine.getByText('Pending', { exact: true })).toBeVisible();
    await expect(mine.getByText('[Posture] Test email', { exact: true })).toBeVisible();
    expect(caughtFor(to)).toHaveLength(0);
    await screenshot(page, 'alerts-pending-1280');

    await page.getByRole('button', { name: 'Deliver now' }).click();
    await expect(mine.getByText('Sent', { exact: true })).toBeVisible();
    const id = await mine.first().getAttribute('data-outbox-id');
    await mine.getByRole('button', { name: /^Show/ }).click();
    await expect(page.getByText('This is a test email from Posture.')).toBeVisible();
    await expect(page.getByText(`Message-ID <outbox-${id}@posture>`)).toBeVisible();

    const caught = caughtFor(to);
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({ subject: '[Posture] Test email', messageId: `<outbox-${id}@posture>` });
    expect(caught[0]!.text).toContain(`requested by ${admin.email}`);
    await screenshot(page, 'alerts-sent-1280');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/alerts');
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'alerts-375');
  });

  test('a dead email shows its last error; Retry makes it pending and the next delivery sends it', async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const to = `e2e-dead-${Date.now()}@example.com`;
    await insertDeadEmail(to);

    await page.goto('/alerts');
    await page.getByRole('link', { name: /^Dead/ }).click();
    const dead = row(page, to);
    await expect(dead.getByText('Dead', { exact: true })).toBeVisible();
    await expect(dead.getByText('ECONNREFUSED 127.0.0.1:2525')).toBeVisible();
    await screenshot(page, 'alerts-dead-1280');
    await dead.getByRole('button', { name: 'Retry' }).click();
    await expect(dead).toHaveCount(0);

    await page.getByRole('link', { name: /^Pending/ }).click();
    await expect(row(page, to).getByText('Pending', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Deliver now' }).click();
    await expect(page.getByText(/^Sent \d+/)).toBeVisible();
    await expect(row(page, to)).toHaveCount(0);
    await page.getByRole('link', { name: /^Sent/ }).click();
    await expect(row(page, to).getByText('Sent', { exact: true })).toBeVisible();
    expect(caughtFor(to)).toHaveLength(1);
  });

  test('an admin gives a team an address: a line without one is named next to the field, a good one is kept', async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    await page.goto('/alerts');
    const teams = page.getByLabel('Team addresses');
    await teams.fill('e2e-payments = Payments-Oncall@Example.com\ne2e-billing');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('e2e-billing: must be an email address')).toBeVisible();

    await teams.fill('e2e-payments = Payments-Oncall@Example.com');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(teams).toHaveValue('e2e-payments = payments-oncall@example.com');
    await page.reload();
    await expect(page.getByLabel('Team addresses')).toHaveValue('e2e-payments = payments-oncall@example.com');
    const saved = (await (await page.request.get('/api/v1/alerts/settings')).json()) as { teamAddresses: unknown };
    expect(saved.teamAddresses).toEqual([{ team: 'e2e-payments', email: 'payments-oncall@example.com' }]);

    await page.getByLabel('Team addresses').fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByLabel('Team addresses')).toHaveValue('');
  });

  test('a viewer reads the emails and rules without Retry, Deliver now or Send test email', async ({ page }) => {
    const to = `e2e-viewer-${Date.now()}@example.com`;
    const id = await insertDeadEmail(to);
    const viewer = e2eUser('viewer');
    await login(page, viewer.email, viewer.password);
    await page.goto('/alerts?status=dead');
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    await expect(row(page, to).getByText('Dead', { exact: true })).toBeVisible();
    await expect(page.getByText('Only admins can change the alert rules and recipients.')).toBeVisible();
    for (const name of ['Retry', 'Deliver now', 'Send test email', 'Save']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(page.getByLabel('To', { exact: true })).toHaveCount(0);

    // The API refuses the same with the viewer's own session.
    expect((await page.request.get('/api/v1/alerts/outbox?status=dead')).status()).toBe(200);
    expect((await page.request.post(`/api/v1/alerts/outbox/${id}/retry`)).status()).toBe(403);
    expect((await page.request.post('/api/v1/alerts/test', { data: { to: 'x@example.com' } })).status()).toBe(403);
    expect((await page.request.post('/api/v1/alerts/deliver')).status()).toBe(403);
  });
});
