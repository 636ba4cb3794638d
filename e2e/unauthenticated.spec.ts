import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

test.describe('signed out', () => {
  for (const path of ['/', '/databases', '/databases/new', '/settings/users']) {
    test(`${path} ends on /login`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login(\?|$)/);
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    });
  }

  test('a wrong password shows an error and stays on /login', async ({ page }) => {
    const admin = e2eUser('admin');
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(`${admin.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('a signed-in user opening /login is sent to the overview', async ({ page }) => {
    const viewer = e2eUser('viewer');
    await login(page, viewer.email, viewer.password);
    await page.goto('/login');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  });
});

test('a disabled user is signed out at their next request', async ({ browser }) => {
  const email = `disable-me-${Date.now()}@e2e.test`;
  const password = randomBytes(12).toString('base64url');

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminUser = e2eUser('admin');
  await login(admin, adminUser.email, adminUser.password);
  await admin.goto('/settings/users');
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.getByLabel('Name', { exact: true }).fill('Disable Me');
  await admin.getByLabel('Role', { exact: true }).selectOption('editor');
  await admin.getByLabel('Password', { exact: true }).fill(password);
  await admin.getByRole('button', { name: 'Add user' }).click();
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row).toContainText('active');

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await login(user, email, password);
  await user.goto('/databases');
  await expect(user.getByRole('heading', { level: 1, name: 'Databases' })).toBeVisible();

  await row.getByRole('button', { name: /^Disable/ }).click();
  await expect(row).toContainText('disabled');
  await expect(row.getByRole('button', { name: /^Enable/ })).toBeVisible();
  await admin.screenshot({ path: 'test-results/screenshots/users-1280.png', fullPage: true });

  await user.goto('/databases');
  await expect(user).toHaveURL(/\/login(\?|$)/);
  const api = await user.request.get('/api/v1/databases');
  expect(api.status()).toBe(401);

  // Disabled means the password no longer works either.
  await user.getByLabel('Email', { exact: true }).fill(email);
  await user.getByLabel('Password', { exact: true }).fill(password);
  await user.getByRole('button', { name: 'Sign in' }).click();
  await expect(user.getByRole('alert').filter({ hasText: 'Invalid email or password' })).toBeVisible();

  await adminContext.close();
  await userContext.close();
});

test.describe('public files', () => {
  test('robots.txt disallows everything, and the icons are served to a signed-out browser', async ({ request }) => {
    const robots = await request.get('/robots.txt', { maxRedirects: 0 });
    expect(robots.status()).toBe(200);
    expect((await robots.text()).split('\n')).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /']));
    for (const [path, type] of [['/favicon.ico', 'image/x-icon'], ['/logo.svg', 'image/svg+xml'], ['/apple-touch-icon.png', 'image/png']] as const) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type'], path).toContain(type);
    }
  });

  test('the sign-in page shows the logo, links the icons and asks not to be indexed', async ({ page }) => {
    await page.goto('/login');
    const logo = page.locator('.login-card img.brand-mark');
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });
});
