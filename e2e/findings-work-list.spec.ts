import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { createLabDatabase, lab, scanViaApi } from './helpers/lab';
import { login } from './helpers/login';

const shots = 'test-results/screenshots';
async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** The e2e store itself (PostgreSQL without TLS, no credential): pg.tls.enabled and pg.tls.required fail. */
async function plaintextDatabase(request: APIRequestContext, name: string, ownerTeam: string): Promise<string> {
  const port = Number(new URL(process.env.DATABASE_URL ?? '').port);
  const res = await request.post('/api/v1/databases', { data: { name, engine: 'postgresql', host: '127.0.0.1', port, environment: 'staging', ownerTeam } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

const rowsOf = (page: Page, stamp: string) => page.locator('tbody tr').filter({ hasText: stamp });

test.describe('Findings as a work list', () => {
  test('certificate window, multi-select check filter, bulk accept, bulk owner and the CSV columns', async ({ page }) => {
    test.setTimeout(240_000);
    const editor = e2eUser('editor');
    await login(page, editor.email, editor.password);
    const stamp = `wl${Date.now()}`;
    const team = `team-${stamp}`;

    const expired = await createLabDatabase(page, `${stamp}-cert-expired`, lab().certExpiredPort);
    const healthy = await createLabDatabase(page, `${stamp}-cert-healthy`, lab().healthyPort);
    const plainA = await plaintextDatabase(page.request, `${stamp}-plain-a`, team);
    const plainB = await plaintextDatabase(page.request, `${stamp}-plain-b`, team);
    for (const id of [expired, healthy, plainA, plainB]) await scanViaApi(page, id);

    // The certificate window: the expired certificate is within 30 days, the healthy one (a year left) is not.
    await page.goto(`/findings?q=${stamp}`);
    await page.getByLabel('Certificate expires').selectOption('30');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/expiresWithinDays=30/);
    await expect(rowsOf(page, stamp)).toHaveCount(1);
    await expect(rowsOf(page, stamp).getByRole('link', { name: `${stamp}-cert-expired` })).toBeVisible();
    await expect(rowsOf(page, stamp).getByRole('link', { name: 'Certificate is not about to expire' })).toBeVisible();
    // A window wide enough takes in the healthy certificate too, though it passes.
    await page.goto(`/findings?q=${stamp}&expiresWithinDays=400`);
    await expect(rowsOf(page, stamp)).toHaveCount(2);
    await expect(rowsOf(page, stamp).filter({ hasText: `${stamp}-cert-healthy` }).locator('.status')).toHaveText('PASS');

    // The check filter: grouped by engine, searchable, several at once.
    await page.goto(`/findings?q=${stamp}`);
    await page.getByRole('button', { name: /^Check/ }).click();
    const panel = page.getByRole('group', { name: 'Check', exact: true });
    await expect(panel.getByRole('group', { name: 'PostgreSQL', exact: true })).toBeVisible();
    await expect(panel.getByRole('group', { name: /^Served certificate \(.*PostgreSQL/ })).toBeVisible();
    await panel.getByRole('searchbox', { name: 'Search check' }).fill('refused');
    await expect(panel.getByRole('checkbox', { name: /Non-TLS connections are refused/ })).toHaveCount(1);
    await expect(panel.getByRole('group', { name: /^Served certificate/ })).toHaveCount(0);
    await panel.getByLabel(/Non-TLS connections are refused/).check();
    await panel.getByRole('searchbox', { name: 'Search check' }).fill('TLS is enabled');
    await panel.getByLabel(/TLS is enabled/).check();
    await panel.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: /^Check 2 selected/ })).toBeVisible();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/checkId=pg\.tls\.required%2Cpg\.tls\.enabled|checkId=pg\.tls\.required,pg\.tls\.enabled/);
    await expect(rowsOf(page, stamp)).toHaveCount(4);

    // Bulk accept: the two "refused" findings with one justification.
    await page.goto(`/findings?q=${stamp}&checkId=pg.tls.required`);
    await expect(rowsOf(page, stamp)).toHaveCount(2);
    await page.getByRole('checkbox', { name: 'Select every finding on this page' }).check();
    await expect(page.getByText('2 selected on 2 databases')).toBeVisible();
    await page.getByRole('button', { name: 'Accept risk of 2…' }).click();
    const accept = page.getByRole('form', { name: 'Accept the risk of 2 findings' });
    await accept.getByRole('button', { name: 'Accept risk of 2' }).click();
    await expect(accept.getByText('Explain why, in at least 10 characters')).toBeVisible();
    await accept.getByLabel('Justification').fill('Both hosts move behind the TLS proxy in sprint 12; tracked in SEC-77.');
    await accept.getByRole('button', { name: 'Accept risk of 2' }).click();
    await expect(page.getByText(/Accepted the risk of 2 findings until/)).toBeVisible();
    await expect(rowsOf(page, stamp).locator('.badge-accepted')).toHaveCount(2);
    await screenshot(page, 'findings-bulk-accepted-1280');

    // Bulk owner: the databases behind the selected findings get an owner.
    await page.goto(`/findings?q=${stamp}-plain&checkId=pg.tls.enabled`);
    await page.getByRole('checkbox', { name: 'Select every finding on this page' }).check();
    await page.getByRole('button', { name: 'Assign owner…' }).click();
    const assign = page.getByRole('form', { name: 'Assign an owner to 2 databases' });
    await assign.getByLabel('Owner email').fill('not an address');
    await assign.getByRole('button', { name: 'Assign owner to 2' }).click();
    await expect(assign.getByText('must be an email address')).toBeVisible();
    await assign.getByLabel('Owner team').fill(`${team}-new`);
    await assign.getByLabel('Owner email').fill('dba-oncall@example.com');
    await assign.getByRole('button', { name: 'Assign owner to 2' }).click();
    await expect(page.getByText('Owner set on 2 of 2 databases.')).toBeVisible();
    await expect(rowsOf(page, stamp).filter({ hasText: `${team}-new` })).toHaveCount(2);

    // The CSV: host, port, database, grade, the owner address (and where it came from) and this database's remediation.
    await page.goto(`/findings?q=${stamp}-plain&checkId=pg.tls.enabled&sort=target`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const rows = parseCsv(await readFile(await download.path(), 'utf8'));
    expect(rows[0]).toEqual([
      'target', 'host', 'port', 'database', 'grade', 'environment', 'team', 'owner_email', 'owner_email_source', 'check_id', 'check_title',
      'severity', 'status', 'summary', 'remediation', 'first_seen', 'changed_at', 'last_seen', 'exception_until',
    ]);
    const port = new URL(process.env.DATABASE_URL ?? '').port;
    expect(rows.slice(1).map((r) => r.slice(0, 10))).toEqual(
      [`${stamp}-plain-a`, `${stamp}-plain-b`].map((name) => [name, '127.0.0.1', port, '', 'F', 'staging', `${team}-new`, 'dba-oncall@example.com', 'owner', 'pg.tls.enabled']),
    );
    expect(rows[1]![14]).toContain(`host=127.0.0.1 port=${port}`);
    expect(rows[1]![14]).not.toMatch(/Redis|RabbitMQ|<host>|<port>/);
  });
});
