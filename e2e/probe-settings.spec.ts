import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import forge from 'node-forge';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

const shots = 'test-results/screenshots';

async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** A self-signed CA certificate as PEM; the key comes from Node (forge's pure-JS keygen is slow). */
function selfSignedPem(commonName: string): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const name = [{ name: 'commonName', value: commonName }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'basicConstraints', cA: true }]);
  cert.sign(key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** The browser's (and this process's) calendar day, offset by some days, as a date input holds it. */
function localDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function createTarget(page: Page, data: Record<string, unknown>): Promise<string> {
  const res = await page.request.post('/api/v1/databases', { data: { engine: 'postgresql', host: 'probe-db.example.com', port: 5432, ...data } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test.describe('probe settings and recorded rotations', () => {
  test('as an admin: set, see, clear; a bad PEM and a future rotation are refused inline', async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const name = `probe-${Date.now()}`;
    const id = await createTarget(page, { name, credential: { username: 'posture_probe', password: `pw-${Date.now()}` } });
    const field = (label: string) => page.getByLabel(label, { exact: true });
    const fact = (label: string) => page.locator('.fact').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

    await page.goto(`/databases/${id}`);
    await expect(fact('CA bundle')).toHaveText('system roots');
    await expect(fact('Password max age')).toHaveText('90 days (default)');
    await expect(fact('Backup max age')).toHaveText('26 hours (default)');
    await expect(fact('Plaintext login')).toHaveText('not allowed');

    await page.getByRole('button', { name: 'Edit' }).click();
    // Untouched settings leave the section folded.
    await expect(field('CA bundle (PEM)')).toBeHidden();
    await page.getByText('Probe settings', { exact: true }).click();
    await field('CA bundle (PEM)').fill('-----BEGIN CERTIFICATE-----\nnot base64 at all');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('certificate 1 is truncated: no -----END CERTIFICATE----- line ends it')).toBeVisible();
    await expect(field('CA bundle (PEM)')).toHaveAttribute('aria-invalid', 'true');

    await field('CA bundle (PEM)').fill(selfSignedPem('Posture e2e root A') + selfSignedPem('Posture e2e root B'));
    // New anchors decide who may receive the password, so the form asks for it again (docs/security.md).
    await expect(page.getByText('A credential belongs to its endpoint')).toBeVisible();
    await field('Password').fill(`pw-again-${Date.now()}`);
    await field('Password max age (days)').fill('30');
    await field('Backup max age (hours)').fill('48');
    await field('Allow plaintext SCRAM login for probing').check();
    await screenshot(page, 'database-edit-probe-1280');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(fact('CA bundle')).toHaveText('configured (2 certificates)');
    await expect(fact('Password max age')).toHaveText('30 days');
    await expect(fact('Backup max age')).toHaveText('48 hours');
    await expect(fact('Plaintext login')).toHaveText('plaintext SCRAM allowed');

    // The form comes back with the section open and the values in place.
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(field('CA bundle (PEM)')).toHaveValue(/^-----BEGIN CERTIFICATE-----/);
    await expect(field('Password max age (days)')).toHaveValue('30');
    await expect(field('Allow plaintext SCRAM login for probing')).toBeChecked();
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'database-edit-probe-375');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Emptied boxes clear back to the defaults.
    await field('CA bundle (PEM)').fill('');
    await field('Password').fill(`pw-third-${Date.now()}`);
    await field('Password max age (days)').fill('');
    await field('Backup max age (hours)').fill('');
    await field('Allow plaintext SCRAM login for probing').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(fact('CA bundle')).toHaveText('system roots');
    await expect(fact('Password max age')).toHaveText('90 days (default)');
    await expect(fact('Backup max age')).toHaveText('26 hours (default)');
    await expect(fact('Plaintext login')).toHaveText('not allowed');

    // Record a rotation done elsewhere: today by default, a future day is refused next to the field.
    const rotatedOn = field('Rotated on');
    await expect(rotatedOn).toHaveValue(localDay(0));
    await rotatedOn.fill(localDay(1));
    await page.getByRole('button', { name: 'Record rotation' }).click();
    await expect(page.getByText('cannot be in the future')).toBeVisible();
    await expect(rotatedOn).toHaveAttribute('aria-invalid', 'true');

    const yesterday = localDay(-1);
    await rotatedOn.fill(yesterday);
    await page.getByRole('button', { name: 'Record rotation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Recorded' })).toBeVisible();
    await expect(page.getByText(`posture_probe · password set on ${yesterday}`)).toBeVisible();
    await screenshot(page, 'database-detail-rotation-1280');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'database-detail-rotation-375');
  });

  test('as an editor: no plaintext checkbox, and saving leaves an admin-set override alone', async ({ page, browser }) => {
    const name = `probe-ed-${Date.now()}`;
    // An admin allows plaintext logins first, in a session of their own.
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    const admin = e2eUser('admin');
    await login(adminPage, admin.email, admin.password);
    const id = await createTarget(adminPage, { name, allowPlaintextLogin: true, credential: { username: 'app', password: `pw-${Date.now()}` } });
    await adminContext.close();

    const editor = e2eUser('editor');
    await login(page, editor.email, editor.password);
    await page.goto(`/databases/${id}`);
    await expect(page.getByText('plaintext SCRAM allowed')).toBeVisible();
    await page.getByRole('button', { name: 'Edit' }).click();
    // The override is set, so the section starts open.
    await expect(page.getByLabel('Password max age (days)', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Allow plaintext SCRAM login for probing')).toHaveCount(0);
    await page.getByLabel('Password max age (days)', { exact: true }).fill('60');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(page.getByText('60 days', { exact: true })).toBeVisible();
    await expect(page.getByText('plaintext SCRAM allowed')).toBeVisible();
    // Editors may record a rotation too.
    await expect(page.getByRole('button', { name: 'Record rotation' })).toBeVisible();
  });
});
