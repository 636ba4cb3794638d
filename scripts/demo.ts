import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyLocalEnv } from './lib/local-env';
import { openStore } from './lib/with-store';
import { buildIfStale } from './lib/build-if-stale';
import { nextBin, startService, stopProcess, waitForHttp } from './lib/run-process';
import { onShutdown } from './lib/on-shutdown';
import { repoRoot } from './lib/paths';

applyLocalEnv();
const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.POSTURE_PUBLIC_URL ?? `http://localhost:${port}`;
process.env.POSTURE_PUBLIC_URL = publicUrl;
process.env.NEXTAUTH_URL ??= publicUrl;

const { url, embedded } = await openStore({ migrate: true, attach: false }).catch((e: unknown) => {
  console.error(`[demo] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
let web: ChildProcess | undefined;
let stopWorker: (() => Promise<void>) | undefined;
let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('\n[demo] stopping …');
  await stopProcess(web);
  await stopWorker?.().catch(() => {});
  await embedded?.stop();
  console.log('[demo] stopped');
  process.exit(code);
};
onShutdown(() => shutdown(0));

try {
  const { ensureAdmin } = await import('../lib/services/users/ensure-admin');
  const admin = await ensureAdmin({ email: process.env.POSTURE_ADMIN_EMAIL, password: process.env.POSTURE_ADMIN_PASSWORD });
  const { seedLabFleet } = await import('./lib/seed-lab-fleet');
  const seeded = await seedLabFleet(readFileSync(path.join(repoRoot, 'examples/inventory.yaml'), 'utf8'));
  if (seeded) console.log(`[demo] lab fleet: ${seeded} databases added to the inventory`);

  await buildIfStale(process.env);
  const [node, next] = nextBin(repoRoot);
  web = startService(node, [next, 'start', '-p', String(port)], { cwd: repoRoot, env: process.env });
  web.on('exit', (code) => void (stopping ? null : shutdown(code ?? 1)));
  const { startWorker } = await import('../lib/jobs/start-worker');
  stopWorker = (await startWorker(url)).stop;
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, 90_000);

  const login =
    admin.status === 'created' && admin.generated
      ? `${admin.email} / ${admin.password}   (generated now and shown only this once)`
      : admin.status === 'created'
        ? `${admin.email} / the POSTURE_ADMIN_PASSWORD you set`
        : `${admin.email} / the password printed on the first run (set POSTURE_ADMIN_EMAIL and POSTURE_ADMIN_PASSWORD to add another admin)`;
  console.log(`\n  Posture is running:  ${publicUrl}\n  Log in as:           ${login}\n  Store:               ${embedded ? `embedded PostgreSQL in ${path.relative(repoRoot, path.join(process.env.POSTURE_DATA_DIR ?? '.data', 'pg'))}` : 'DATABASE_URL'}\n  Stop with Ctrl-C.\n`);
} catch (e) {
  console.error(`[demo] ${e instanceof Error ? e.message : String(e)}`);
  await shutdown(1);
}
