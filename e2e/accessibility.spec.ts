import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

// Every page of the app, as the admin sees it (the role that sees the most controls).
const pages = [
  '/',
  '/databases',
  '/databases/new',
  '/discovery',
  '/findings',
  '/exceptions',
  '/compliance',
  '/compliance/report',
  '/alerts',
  '/checks',
  '/checks/cert.expiry',
  '/grading',
  '/settings',
  '/settings/inventory',
  '/settings/notifications',
  '/settings/security',
  '/settings/tokens',
  '/settings/users',
  '/api/docs',
];

/** Serious and critical WCAG 2.1 A/AA violations on the page as it stands, one line each, for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

async function scannedDatabase(page: Page): Promise<string> {
  // Port 1 on loopback refuses at once: a scan finishes quickly, with failing, erroring and skipped checks to show.
  const res = await page.request.post('/api/v1/databases', { data: { name: `a11y-${Date.now()}`, engine: 'postgresql', host: '127.0.0.1', port: 1 } });
  expect(res.status()).toBe(201);
  const id = ((await res.json()) as { id: string }).id;
  const scan = (await (await page.request.post(`/api/v1/databases/${id}/scans`)).json()) as { id: string };
  await expect.poll(async () => ((await (await page.request.get(`/api/v1/scans/${scan.id}`)).json()) as { status: string }).status, { timeout: 45_000 }).toBe('succeeded');
  return id;
}

test.describe('accessibility (axe): no serious or critical WCAG 2.1 AA violation on any page', () => {
  test('the sign-in page', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      expect(await seriousViolations(page), `/login (${colorScheme})`).toEqual([]);
    }
  });

  // Dark mode changes colours only, so its pass covers one page of each kind of surface (cards, tables, forms, charts).
  const darkPages = ['/', '/findings', '/alerts', '/compliance', '/settings/users', '/databases/new'];
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every signed-in page, ${colorScheme}`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.emulateMedia({ colorScheme });
      const admin = e2eUser('admin');
      await login(page, admin.email, admin.password);
      const id = await scannedDatabase(page);
      const found: Record<string, string[]> = {};
      for (const url of [...(colorScheme === 'light' ? pages : darkPages), `/databases/${id}`]) {
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        const v = await seriousViolations(page);
        if (v.length) found[url] = v;
      }
      expect(found).toEqual({});
    });
  }

  test('the theme toggle switches at once and is kept for the next page', async ({ page }) => {
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const light = await bg();
    const toggle = page.getByRole('group', { name: 'Colour theme' });
    await toggle.getByRole('button', { name: 'Dark' }).click();
    await expect(toggle.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(bg).not.toBe(light);
    await page.goto('/findings');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await bg()).not.toBe(light);
    // Auto follows the system again.
    await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'Auto' }).click();
    await expect.poll(bg).toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(bg).not.toBe(light);
  });

  test('keyboard focus is visible', async ({ page }) => {
    await page.goto('/login');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const s = el ? getComputedStyle(el) : null;
      return s ? { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow } : null;
    });
    expect(outline).not.toBeNull();
    expect(outline!.style !== 'none' && outline!.width >= 1 || outline!.shadow !== 'none').toBe(true);
  });
});
