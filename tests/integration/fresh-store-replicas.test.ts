import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedStore } from '../../lib/store/start-embedded-postgres';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { freePort } from '../support/free-port';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-migrate-race-'));
chmodSync(dir, 0o755);
let store: EmbeddedStore;

beforeAll(async () => {
  store = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: (await reservePorts(1))[0]!, password: 'race-test-pw', database: 'race' });
}, 60_000);

afterAll(async () => {
  await store?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `dist/migrate.mjs deploy` (scripts/migrate.ts) in its own process, as each replica runs it when it starts. */
function deployInProcess(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/migrate.mjs', 'deploy'], {
      env: { ...process.env, DATABASE_URL: url, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('replicas starting at once on an empty store', () => {
  it('every one succeeds and each migration is applied exactly once', async () => {
    const runs = await Promise.all([deployInProcess(store.url), deployInProcess(store.url), deployInProcess(store.url)]);
    for (const r of runs) expect(r, r.out).toMatchObject({ code: 0 });
    const client = new pg.Client({ connectionString: store.url, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY 1`,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      expect(await client.query(`SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL`).then((r) => Number(r.rows[0].count))).toBe(0);
    } finally {
      await client.end();
    }
    // The schema engine holds an advisory lock while it applies: one process applied them all, the others waited and
    // then found the store up to date.
    expect(runs.filter((r) => r.out.includes('applied:')).length).toBe(1);
    expect(runs.filter((r) => r.out.includes('database is up to date')).length).toBe(2);
  }, 180_000);

  it('a worker answers its kubelet probes: live and ready, then unready but still live when the store goes away', async () => {
    const port = await freePort();
    const worker: ChildProcess = spawn(process.execPath, ['dist/worker.mjs'], {
      env: { ...process.env, DATABASE_URL: store.url, POSTURE_WORKER_HEALTH_PORT: String(port), CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    worker.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    worker.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    const get = (path: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) }).then(async (r) => ({ status: r.status, body: await r.json() }), () => null);
    try {
      const deadline = Date.now() + 60_000;
      while ((await get('/healthz/live')) === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(await get('/healthz/live'), out).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await get('/healthz/ready')).toEqual({ status: 200, body: { status: 'ok' } });

      await store.stop();
      expect(await get('/healthz/ready')).toEqual({ status: 503, body: { status: 'store unreachable' } });
      expect(await get('/healthz/live')).toEqual({ status: 200, body: { status: 'ok' } });
    } finally {
      worker.kill('SIGTERM');
    }
    await exited;
    expect(await get('/healthz/live')).toBeNull();
  }, 120_000);
});
