import { expect, test, type Page } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';
import { createLabDatabase, lab, scanViaApi as scan } from './helpers/lab';

const checkStatus = (page: Page, id: string) => page.locator('li.check').filter({ hasText: id }).locator('.status').first();

test.describe('credential custody in the UI', () => {
  test('an expired certificate gets no login; the page says so, and an admin trusts the key', async ({ page }) => {
    test.setTimeout(150_000);
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const id = await createLabDatabase(page, `custody-expired-${Date.now()}`, lab().certExpiredPort);
    await scan(page, id);
    await page.goto(`/databases/${id}`);

    const banner = page.getByRole('region', { name: 'Credential withheld' });
    await expect(banner).toContainText("the server's certificate is not verified against the target's CA bundle for 127.0.0.1: it has expired");
    await expect(banner).toContainText('checks that need the login report “error”');
    const fingerprint = (await banner.locator('code.fingerprint').textContent())!;
    expect(fingerprint).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    await expect(checkStatus(page, 'pg.password.encryption')).toHaveText('ERROR');

    await banner.getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(banner.getByRole('status')).toHaveText('This key is now trusted: the next scan logs in.');
    await expect(banner.getByRole('button', { name: 'Trust this certificate' })).toHaveCount(0);
    await scan(page, id);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Credential withheld' })).toHaveCount(0);
    await expect(checkStatus(page, 'pg.password.encryption')).toHaveText('PASS');
    await expect(page.getByRole('region', { name: 'Pinned server key' })).toContainText(fingerprint);

    await page.getByRole('region', { name: 'Pinned server key' }).getByRole('button', { name: 'Remove pin' }).click();
    await expect(page.getByRole('region', { name: 'Pinned server key' })).toHaveCount(0);
  });

  test('an editor sees the reason but cannot pin, and moving the target asks for the password again', async ({ browser }) => {
    test.setTimeout(120_000);
    const adminPage = await browser.newPage();
    const admin = e2eUser('admin');
    await login(adminPage, admin.email, admin.password);
    const id = await createLabDatabase(adminPage, `custody-editor-${Date.now()}`, lab().certExpiredPort);
    await scan(adminPage, id);
    await adminPage.close();

    const page = await browser.newPage();
    const editor = e2eUser('editor');
    await login(page, editor.email, editor.password);
    await page.goto(`/databases/${id}`);
    const banner = page.getByRole('region', { name: 'Credential withheld' });
    await expect(banner).toContainText('An admin can also trust this server’s key.');
    await expect(banner.getByRole('button', { name: 'Trust this certificate' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByText('A credential belongs to its endpoint')).toHaveCount(0);
    await page.getByLabel('Port', { exact: true }).fill(String(lab().healthyPort));
    await expect(page.getByText('A credential belongs to its endpoint')).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill(lab().password);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
    const target = (await (await page.request.get(`/api/v1/databases/${id}`)).json()) as { port: number; credential: { hasStoredSecret: boolean } | null };
    expect(target).toMatchObject({ port: lab().healthyPort, credential: { hasStoredSecret: true } });
    await page.close();
  });

  test('Settings → Security: admins edit the custody policy, field errors name the entry; editors are kept out', async ({ page, browser }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    await page.goto('/settings');
    await page.getByRole('link', { name: /^Security/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
    const custody = page.getByRole('region', { name: 'Credential custody' });
    const prefixes = custody.getByLabel('Environment variable prefixes');
    await prefixes.fill('POSTURE_TARGET_\nlower_case');
    await custody.getByRole('button', { name: 'Save custody policy' }).click();
    await expect(custody.getByText(/lower_case: must be the start of an environment variable name/)).toBeVisible();
    await prefixes.fill('POSTURE_TARGET_\nAPP_DB_');
    await custody.getByRole('button', { name: 'Save custody policy' }).click();
    await expect(custody.getByRole('status')).toHaveText('Saved');
    await expect(prefixes).toHaveValue('APP_DB_\nPOSTURE_TARGET_');
    const network = page.getByRole('region', { name: 'Network allow-list' });
    await expect(network.getByLabel('Allowed private ranges (CIDR)')).toHaveValue(/127\.0\.0\.0\/8/);
    await prefixes.fill('POSTURE_TARGET_');
    await custody.getByRole('button', { name: 'Save custody policy' }).click();
    await expect(custody.getByRole('status')).toHaveText('Saved');

    const editorPage = await browser.newPage();
    const editor = e2eUser('editor');
    await login(editorPage, editor.email, editor.password);
    const res = await editorPage.goto('/settings/security');
    expect(res?.status()).toBe(403);
    await expect(editorPage.getByText('This page needs the admin role; you are signed in as an editor.')).toBeVisible();
    expect((await editorPage.request.get('/api/v1/settings/custody')).status()).toBe(403);
    await editorPage.close();
  });
});
