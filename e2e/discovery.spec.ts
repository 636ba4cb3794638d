import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { e2eUser } from './helpers/e2e-user';
import { login } from './helpers/login';

/**
 * The e2e app has no cluster to read, so the spec stores two proposals the way a discovery pass does; reading a cluster
 * is covered by tests/integration/discovery.test.ts against the fake API server.
 */
const stamp = Date.now().toString(36);
const namespace = `e2e-${stamp}`;
const proposals = ['orders-db', 'pos-db'].map((name) => ({ id: randomUUID(), name: `${name}-${stamp}` }));

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const p of proposals) {
      const refs = { namespace, podSelector: `app.kubernetes.io/name=${p.name}`, pvcNames: [`${p.name}-pvc`], passwordSecret: { name: 'database-secrets', key: 'PASSWORD' } };
      const details = { foundBy: 'label', operator: null, image: 'postgres:17-alpine', service: `${p.name}-service`, secretNames: ['database-secrets'], loginUser: 'app_user', pods: 1 };
      await client.query(
        `INSERT INTO "DiscoveredWorkload" (id, key, context, namespace, kind, name, engine, host, port, refs, details, "lastSeenAt")
         VALUES ($1, $2, 'e2e', $3, 'Deployment', $4, 'postgresql'::"Engine", $5, 5432, $6, $7, now())`,
        [p.id, `e2e/${namespace}/Deployment/${p.name}`, namespace, p.name, `${p.name}-service.${namespace}.svc`, JSON.stringify(refs), JSON.stringify(details)],
      );
    }
  } finally {
    await client.end();
  }
});

test('an admin adds one proposal to the inventory with its Kubernetes refs', async ({ page }) => {
  const admin = e2eUser('admin');
  await login(page, admin.email, admin.password);
  await page.getByRole('link', { name: 'Discovery' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Discovery' })).toBeVisible();
  const [orders, pos] = proposals as [(typeof proposals)[number], (typeof proposals)[number]];
  await expect(page.getByText(pos.name, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Add ${namespace}/${orders.name} to the inventory` }).click();
  await expect(page.getByText(`Added ${orders.name}.`)).toBeVisible();
  await expect(page.getByText(orders.name, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Add ${namespace}/${pos.name} to the inventory` })).toBeVisible();

  await page.getByRole('link', { name: /^In inventory/ }).click();
  await page.getByRole('link', { name: orders.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: orders.name })).toBeVisible();
  await expect(page.getByText(`app.kubernetes.io/name=${orders.name}`).first()).toBeVisible();
});

test('a viewer sees the proposals but cannot add them', async ({ page }) => {
  const viewer = e2eUser('viewer');
  await login(page, viewer.email, viewer.password);
  await page.goto('/discovery');
  const pos = proposals[1]!;
  await expect(page.getByText(pos.name, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Add / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Discover now' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await expect(page.getByText('Only admins can change where discovery reads')).toBeVisible();

  const res = await page.request.post('/api/v1/discovery/add', { data: { ids: [pos.id] }, headers: { origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
});

test('fits a 375 px phone without sideways scrolling of the page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const admin = e2eUser('admin');
  await login(page, admin.email, admin.password);
  await page.goto('/discovery');
  await expect(page.getByRole('heading', { level: 1, name: 'Discovery' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
