import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
}

/** A real webhook receiver on a loopback port below 32768, started by this spec. */
async function startReceiver(): Promise<{ got: Received[]; port: number; close: () => Promise<void> }> {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  for (let tries = 0; tries < 50; tries++) {
    const port = 15_000 + Math.floor(Math.random() * 17_000);
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return { got, port, close: () => new Promise((r) => server.close(() => r())) };
  }
  throw new Error('no free low port');
}

test.describe('Settings → Notifications', () => {
  test('an admin adds a webhook channel, presses Send test and sees it delivered, signed, then edits its routing and turns it off', async ({ page }) => {
    const receiver = await startReceiver();
    const name = `e2e-hook-${randomUUID().slice(0, 8)}`;
    const secret = `e2e-signing-${randomUUID()}`;
    try {
      const admin = e2eUser('admin');
      await login(page, admin.email, admin.password);
      await page.goto('/settings');
      await page.getByRole('link', { name: /Notifications/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();

      await page.getByLabel('Type').selectOption('webhook');
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('URL', { exact: true }).fill(`http://127.0.0.1:${receiver.port}/posture`);
      await page.getByLabel('Signing secret').fill(secret);
      await page.getByRole('button', { name: 'Add channel' }).click();

      const row = page.locator('tbody tr', { hasText: name });
      await expect(row).toBeVisible();
      await expect(page.getByText(secret)).toHaveCount(0);
      await row.getByRole('button', { name: 'Send test' }).click();
      await expect(row.getByRole('status')).toHaveText(/Test delivered \(HTTP 204\)/);
      await expect(row).toContainText('1 sent, 0 pending, 0 dead');

      expect(receiver.got).toHaveLength(1);
      const hit = receiver.got[0]!;
      expect(hit.headers['x-posture-signature']).toBe(`sha256=${createHmac('sha256', secret).update(hit.raw).digest('hex')}`);
      expect(JSON.parse(hit.raw)).toMatchObject({ schemaVersion: 1, event: 'test' });
      expect(hit.raw).not.toContain(secret);

      // Edit the routing in place; the stored secret is kept (the next test is signed with it) and never shown.
      await row.getByRole('button', { name: 'Edit' }).click();
      const form = page.getByRole('form', { name: `Edit ${name}` });
      await expect(form.getByLabel('New signing secret')).toHaveValue('');
      await form.getByLabel('Lowest severity').selectOption('high');
      await form.getByRole('button', { name: 'Save channel' }).click();
      await expect(form).toHaveCount(0);
      await expect(row).toContainText('high and up');
      await row.getByRole('button', { name: 'Send test' }).click();
      await expect(row).toContainText('2 sent, 0 pending, 0 dead');
      const second = receiver.got[1]!;
      expect(second.headers['x-posture-signature']).toBe(`sha256=${createHmac('sha256', secret).update(second.raw).digest('hex')}`);

      await row.getByRole('button', { name: 'Edit' }).click();
      await form.getByLabel('Enabled').uncheck();
      await form.getByRole('button', { name: 'Save channel' }).click();
      await expect(row).toContainText('off');

      page.once('dialog', (d) => void d.accept());
      await row.getByRole('button', { name: 'Delete' }).click();
      await expect(row).toHaveCount(0);
    } finally {
      await receiver.close();
    }
  });
});
