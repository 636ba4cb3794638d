import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The lab servers scripts/e2e.ts started for the specs, and the probe login the lab CA vouches for. */
export function lab() {
  const env = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} must be set; run the specs through npm run test:e2e`);
    return v;
  };
  return {
    certExpiredPort: Number(env('E2E_LAB_CERT_EXPIRED_PORT')),
    healthyPort: Number(env('E2E_LAB_HEALTHY_PORT')),
    database: process.env.E2E_LAB_DATABASE ?? 'postgres',
    username: process.env.E2E_LAB_PROBE_USER ?? 'posture_probe',
    password: env('E2E_LAB_PROBE_PASSWORD'),
    caPem: readFileSync(env('E2E_LAB_CA_PEM_FILE'), 'utf8'),
  };
}

/** Adds a lab server to the inventory through the API, as the signed-in user of `page`, with the lab CA and probe login. */
export async function createLabDatabase(page: Page, name: string, port: number): Promise<string> {
  const l = lab();
  const res = await page.request.post('/api/v1/databases', {
    maxRetries: 2,
    data: { name, engine: 'postgresql', host: '127.0.0.1', port, database: l.database, criticality: 'critical', environment: 'lab', caPem: l.caPem, credential: { username: l.username, password: l.password } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Queues a scan through the API and waits until it succeeded. */
export async function scanViaApi(page: Page, id: string): Promise<void> {
  const res = await page.request.post(`/api/v1/databases/${id}/scans`, { maxRetries: 2 });
  expect(res.status()).toBe(202);
  const scan = (await res.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/scans/${scan.id}`)).json()) as { status: string }).status, { timeout: 60_000 })
    .toBe('succeeded');
}
