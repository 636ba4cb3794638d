import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

const shots = 'test-results/screenshots';

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

test.describe('inventory as an admin', () => {
  test.beforeEach(async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
  });

  test('add, list, view, edit, replace the password, sign out', async ({ page }) => {
    const name = `orders-${Date.now()}`;
    const canary = `canary-${randomUUID()}`;
    const canary2 = `canary2-${randomUUID()}`;

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await page.goto('/databases');
    await page.getByRole('link', { name: 'Add database' }).click();
    await expect(page).toHaveURL(/\/databases\/new$/);

    const field = (label: string) => page.getByLabel(label, { exact: true });
    await expect(field('Port')).toHaveValue('5432');
    await field('Engine').selectOption('redis');
    await expect(field('Port')).toHaveValue('6379');
    await field('Engine').selectOption('postgresql');
    await expect(field('Port')).toHaveValue('5432');

    await field('Name').fill(name);
    await field('Host').fill('not a host!');
    await field('Database').fill('orders');
    await field('Environment').fill('staging');
    await field('Owner team').fill('payments');
    await field('Owner email').fill('payments@example.com');
    await field('Service').fill('checkout');
    await field('Tags').fill('pci, tier:1');
    await field('Criticality').selectOption('high');
    await field('Username').fill('posture_probe');
    await field('Password').fill(canary);
    await expect(field('Password')).toHaveAttribute('type', 'password');
    await expect(field('Password')).toHaveAttribute('autocomplete', 'new-password');

    // The server validates; its message lands next to the field it names.
    await page.getByRole('button', { name: 'Create database' }).click();
    await expect(page.getByText('must be a hostname or an IP address')).toBeVisible();
    await expect(field('Host')).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, 'database-new-invalid-1280');

    await field('Host').fill('orders-db.internal.example.com');
    await page.getByRole('button', { name: 'Create database' }).click();
    await expect(page).toHaveURL(/\/databases\/[0-9a-f-]{36}$/);
    const detailUrl = page.url();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText(/posture_probe · password set on \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(page.getByText('payments@example.com')).toBeVisible();
    expect(await page.content()).not.toContain(canary);

    await page.goto(`/databases?q=${name}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('orders-db.internal.example.com:5432');
    await expect(row).toContainText('staging');
    await expect(row).toContainText('payments');
    await expect(row).toContainText('never');
    await expect(row).toContainText('—');
    expect(await page.content()).not.toContain(canary);
    await screenshot(page, 'databases-1280');

    await row.getByRole('link', { name }).click();
    await expect(page).toHaveURL(detailUrl);
    await screenshot(page, 'database-detail-1280');

    await page.getByRole('button', { name: 'Edit' }).click();
    await screenshot(page, 'database-edit-1280');
    await expect(page.getByLabel('Username', { exact: true })).toHaveCount(1); // only the Replace password form's
    await field('Port').fill('6543');
    await field('Owner team').fill('billing');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(page.getByText('6543', { exact: true })).toBeVisible();
    await expect(page.getByText('billing', { exact: true })).toBeVisible();

    await page.getByLabel('New password', { exact: true }).fill(canary2);
    await page.getByRole('button', { name: 'Replace password' }).click();
    await expect(page.getByText('Password replaced')).toBeVisible();
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue('');
    await page.reload();
    const html = await page.content();
    expect(html).not.toContain(canary);
    expect(html).not.toContain(canary2);

    const api = await page.request.get(detailUrl.replace('/databases/', '/api/v1/databases/'));
    expect(api.ok()).toBe(true);
    const body = await api.text();
    expect(body).not.toContain(canary);
    expect(body).not.toContain(canary2);

    await page.goto('/');
    await screenshot(page, 'overview-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/databases/new');
    await screenshot(page, 'database-new-375');
    await page.goto(`/databases?q=${name}`);
    await expect(page.getByRole('link', { name })).toBeVisible();
    await screenshot(page, 'databases-375');
    await page.goto(detailUrl);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await screenshot(page, 'database-detail-375');

    // On a phone the navigation folds behind a Menu button.
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await screenshot(page, 'menu-open-375');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('archive, unarchive and delete with a confirm step', async ({ page }) => {
    const name = `scratch-${Date.now()}`;
    const res = await page.request.post('/api/v1/databases', { data: { name, engine: 'redis', host: '10.0.0.7', port: 6379 } });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };

    await page.goto(`/databases/${id}`);
    await expect(page.getByText('no password stored')).toBeVisible();
    await page.getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByRole('button', { name: 'Unarchive' })).toBeVisible();
    await expect(page.locator('.title-meta').getByText('archived')).toBeVisible();

    await page.goto(`/databases?q=${name}`);
    await expect(page.getByRole('link', { name })).toHaveCount(0);
    await page.goto(`/databases?q=${name}&archived=true`);
    await expect(page.getByRole('link', { name })).toBeVisible();

    await page.goto(`/databases/${id}`);
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();

    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('button', { name: 'Confirm delete' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Confirm delete' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await expect(page).toHaveURL(/\/databases$/);
    expect((await page.request.get(`/api/v1/databases/${id}`)).status()).toBe(404);
  });

  test('list filters, sorting and unknown ids', async ({ page }) => {
    const stamp = Date.now();
    for (const [suffix, engine, environment] of [['a', 'postgresql', 'qa'], ['b', 'etcd', 'qa'], ['c', 'redis', 'perf']] as const) {
      const res = await page.request.post('/api/v1/databases', {
        data: { name: `flt-${stamp}-${suffix}`, engine, host: `${suffix}.example.com`, port: 1000, environment },
      });
      expect(res.status()).toBe(201);
    }
    await page.goto(`/databases?q=flt-${stamp}`);
    await expect(page.getByRole('link', { name: /^flt-/ })).toHaveCount(3);

    await page.getByLabel('Environment', { exact: true }).selectOption('qa');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/environment=qa/);
    await expect(page.getByRole('link', { name: /^flt-/ })).toHaveCount(2);

    await page.getByRole('link', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(page.getByRole('link', { name: /^flt-/ }).first()).toHaveText(`flt-${stamp}-b`);

    // A bad value in a shared link is ignored rather than failing the page.
    await page.goto(`/databases?q=flt-${stamp}&engine=nope&page=zero`);
    await expect(page.getByRole('link', { name: /^flt-/ })).toHaveCount(3);

    // Typing filters as you go (after a short pause), keeping the URL; no Apply needed.
    await page.getByLabel('Search').fill(`flt-${stamp}-c`);
    await expect(page).toHaveURL(new RegExp(`q=flt-${stamp}-c`));
    await expect(page.getByRole('link', { name: /^flt-/ })).toHaveCount(1);
    await page.getByLabel('Engine').selectOption('etcd');
    await expect(page).toHaveURL(/engine=etcd/);
    await expect(page.getByText('No databases match these filters')).toBeVisible();

    // On a phone each database is a card: name and grade in view, nothing to scroll sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`/databases?q=flt-${stamp}&sort=name`);
    const cards = page.locator('tbody tr');
    await expect(cards).toHaveCount(3);
    for (const card of await cards.all()) {
      await expect(card.locator('.cell-name a')).toBeInViewport();
      await expect(card.locator('.cell-grade')).toBeInViewport();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByLabel('Sort by').selectOption('environment');
    await expect(page).toHaveURL(/sort=environment/);
    await expect(page.getByRole('link', { name: /^flt-/ }).first()).toHaveText(`flt-${stamp}-c`);

    await page.goto('/databases/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await page.goto('/databases/not-a-uuid');
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  });

  test('Kubernetes and Backup sections are saved and can be cleared', async ({ page }) => {
    const name = `k8s-${Date.now()}`;
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await page.goto('/databases/new');
    await field('Name').fill(name);
    await field('Host').fill('k8s-db.example.com');
    await page.getByText('Kubernetes', { exact: true }).click();
    await field('Namespace').fill('bakery-ia');
    await field('Pod selector').fill('app=k8s-db');
    await field('PVC names').fill('data-k8s-db-0, wal-k8s-db-0');
    await field('Password Secret name').fill('k8s-db-secret');
    await page.getByText('Backup', { exact: true }).click();
    await field('Backup source').selectOption('pgbackrest');
    await field('Stanza').fill('relative/path!');
    await page.getByRole('button', { name: 'Create database' }).click();
    // Both problems come back at once and land on their own fields.
    await expect(page.getByText('must be a pgBackRest stanza name')).toBeVisible();
    await expect(field('Password Secret key')).toHaveAttribute('aria-invalid', 'true');
    await field('Password Secret key').fill('password');
    await field('Stanza').fill('main');
    await page.getByRole('button', { name: 'Create database' }).click();
    await expect(page).toHaveURL(/\/databases\/[0-9a-f-]{36}$/);
    await expect(page.getByText('data-k8s-db-0, wal-k8s-db-0')).toBeVisible();
    await expect(page.getByText('k8s-db-secret · key password')).toBeVisible();
    await expect(page.getByText('main', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Edit' }).click();
    for (const label of ['Namespace', 'Pod selector', 'PVC names', 'Password Secret name', 'Password Secret key']) await field(label).fill('');
    await field('Backup source').selectOption('none');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(page.getByText('not configured')).toBeVisible();
    await expect(page.locator('.card').filter({ hasText: 'Backup' }).getByText('none', { exact: true })).toBeVisible();
  });

  test('import an inventory file, then see its result or its errors', async ({ page }) => {
    const stamp = Date.now();
    const entries = (extra = '') =>
      [
        'apiVersion: posture/v1',
        'kind: Inventory',
        'databases:',
        `  - name: imp-${stamp}-a`,
        '    engine: postgresql',
        '    host: a.example.com',
        `  - name: imp-${stamp}-b`,
        '    engine: redis',
        '    host: b.example.com',
        extra,
      ].join('\n');
    await page.goto('/settings/inventory');
    await expect(page.getByRole('link', { name: 'Export YAML' })).toHaveAttribute('href', '/api/v1/inventory/export');
    const yaml = page.getByLabel('Inventory YAML', { exact: true });
    const result = page.getByRole('status').filter({ hasText: 'Imported' });

    await yaml.fill(entries());
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('2 created, 0 updated, 0 unchanged');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('0 created, 0 updated, 2 unchanged');

    await yaml.fill(entries(`    port: 99999\n    credential: { username: app, password: literal-${stamp} }`));
    await page.getByRole('button', { name: 'Import' }).click();
    const errors = page.getByRole('alert').filter({ hasText: 'The inventory file has' });
    await expect(errors).toContainText('must be a whole number from 1 to 65535');
    await expect(errors).toContainText('literal passwords are refused');
    await expect(errors).toContainText('line');
    await screenshot(page, 'inventory-errors-1280');

    await yaml.fill(entries(`    credential: { username: app, password: literal-${stamp} }`));
    await page.getByLabel('Allow literal passwords', { exact: true }).check();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(result).toContainText('0 created, 1 updated, 1 unchanged');
    await page.goto(`/databases?q=imp-${stamp}-b`);
    await page.getByRole('link', { name: `imp-${stamp}-b` }).click();
    await expect(page.getByText('app · password set on')).toBeVisible();
    expect(await page.content()).not.toContain(`literal-${stamp}`);

    const exported = await page.request.get('/api/v1/inventory/export');
    expect(exported.ok()).toBe(true);
    const text = await exported.text();
    expect(text).toContain(`imp-${stamp}-a`);
    expect(text).not.toContain(`literal-${stamp}`);
  });

  test('a file with a broken document lists the errors of every document, and imports nothing', async ({ page }) => {
    const stamp = Date.now();
    const doc = (...lines: string[]) => ['apiVersion: posture/v1', 'kind: Inventory', 'databases:', ...lines].join('\n');
    const file = [
      doc(`  - name: "multi-${stamp}-a`, '    engine: postgresql'),
      doc(`  - name: multi-${stamp}-b`, '    engine: redis', '    host: b.example.com'),
      doc(`  - name: multi-${stamp}-c`, '    engine: mysql', '    host: c.example.com', '    port: abc'),
    ].join('\n---\n');
    await page.goto('/settings/inventory');
    await page.getByLabel('Inventory YAML', { exact: true }).fill(file);
    await page.getByRole('button', { name: 'Import' }).click();

    const errors = page.getByRole('alert').filter({ hasText: 'The inventory file has 3 errors' });
    await expect(errors).toBeVisible();
    const items = errors.getByRole('listitem');
    await expect(items).toHaveText([
      /^document 1, line 5 YAML syntax: Missing closing "quote$/,
      'document 3, line 18: databases[0].engine must be one of postgresql, redis, rabbitmq, patroni, etcd, pgbackrest',
      'document 3, line 20: databases[0].port must be a whole number from 1 to 65535',
    ]);
    await screenshot(page, 'inventory-errors-multi-document-1280');

    // All or nothing: the valid document between the broken ones was not imported either.
    const listed = await page.request.get(`/api/v1/databases?q=multi-${stamp}`);
    expect(listed.ok()).toBe(true);
    expect(await listed.text()).not.toContain(`multi-${stamp}-b`);
  });
});
