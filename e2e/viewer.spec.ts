import { expect, test } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

test.describe('a viewer', () => {
  let targetId = '';
  const name = `viewer-visible-${Date.now()}`;

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const res = await page.request.post('/api/v1/databases', {
      data: { name, engine: 'postgresql', host: 'viewer.example.com', port: 5432, credential: { username: 'probe', password: 'viewer-spec-secret-value' } },
    });
    expect(res.status()).toBe(201);
    targetId = ((await res.json()) as { id: string }).id;
    await context.close();
  });

  test.beforeEach(async ({ page }) => {
    const viewer = e2eUser('viewer');
    await login(page, viewer.email, viewer.password);
  });

  test('sees the list and a detail page without any write controls', async ({ page }) => {
    // The shared store holds many targets; filter so this one is on the first page.
    await page.goto(`/databases?q=${name}`);
    await expect(page.getByRole('link', { name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add database' })).toHaveCount(0);

    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('probe · password set on')).toBeVisible();
    for (const control of ['Edit', 'Delete', 'Archive', 'Unarchive', 'Replace password', 'Save changes']) {
      await expect(page.getByRole('button', { name: control, exact: true })).toHaveCount(0);
    }
    await expect(page.getByLabel('New password')).toHaveCount(0);
    expect(await page.content()).not.toContain('viewer-spec-secret-value');

    await page.goto('/settings');
    await expect(page.getByRole('link', { name: /Users/ })).toHaveCount(0);
    await page.goto('/settings/inventory');
    await expect(page.getByRole('link', { name: 'Export YAML' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import' })).toHaveCount(0);
  });

  test('gets a 403 page naming the role an editor or admin page needs', async ({ page }) => {
    for (const [path, role] of [['/databases/new', 'editor'], ['/settings/users', 'admin'], ['/settings/tokens', 'admin']] as const) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
      await expect(page.getByText(`This page needs the ${role} role; you are signed in as a viewer.`)).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    }
  });

  test('is refused by the API for writes, with its own session', async ({ page }) => {
    const create = await page.request.post('/api/v1/databases', {
      data: { name: `viewer-made-${Date.now()}`, engine: 'postgresql', host: 'db.example.com', port: 5432 },
    });
    expect(create.status()).toBe(403);
    expect(((await create.json()) as { error: { code: string } }).error.code).toBe('forbidden');

    const patch = await page.request.patch(`/api/v1/databases/${targetId}`, { data: { port: 6000 } });
    expect(patch.status()).toBe(403);
    expect(((await patch.json()) as { error: { code: string } }).error.code).toBe('forbidden');

    const credential = await page.request.put(`/api/v1/databases/${targetId}/credential`, { data: { username: 'x', password: 'y' } });
    expect(credential.status()).toBe(403);

    const read = await page.request.get(`/api/v1/databases/${targetId}`);
    expect(read.status()).toBe(200);
    expect(((await read.json()) as { port: number }).port).toBe(5432);
  });
});
