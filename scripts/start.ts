import { applyLocalEnv } from './lib/local-env';
import { openStore } from './lib/with-store';
import { repoRoot } from './lib/paths';
import { dataDir } from './lib/data-dir';
import { killGroup, startService, stopProcess, webServerCommand } from './lib/run-process';
import { onShutdown } from './lib/on-shutdown';
import { assertPortsFree } from './lib/assert-ports-free';
import { stopInOrder } from './lib/stop-in-order';

// Production web process: migrations, first admin, then the web server (scripts/web.ts). Run `npm run worker` beside it.
if (!process.env.DATABASE_URL) applyLocalEnv();
const port = Number(process.env.PORT ?? 3000);
try {
  assertPortsFree(
    [
      { port, what: 'the web server; PORT chooses another' },
      ...(process.env.DATABASE_URL ? [] : [{ port: Number(process.env.POSTURE_STORE_PORT ?? 54329), what: 'the embedded store; POSTURE_STORE_PORT chooses another' }]),
    ],
    process.env.DATABASE_URL ? undefined : dataDir(),
  );
} catch (e) {
  console.error(`[start] ${e instanceof Error ? e.message.replaceAll('\n', '\n[start] ') : String(e)}`);
  process.exit(1);
}
const { embedded } = await openStore({ migrate: true, attach: true });
const { ensureAdmin } = await import('../lib/services/users/ensure-admin');
const admin = await ensureAdmin({ email: process.env.POSTURE_ADMIN_EMAIL, password: process.env.POSTURE_ADMIN_PASSWORD });
if (admin.status === 'created' && admin.generated) console.log(`[start] first admin: ${admin.email} / ${admin.password} (shown once)`);
const [node, args] = webServerCommand(repoRoot, { port });
const web = startService(node, args, { cwd: repoRoot, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await stopInOrder('start', [
    [{ name: `the web server (pid ${web.pid})`, stop: () => stopProcess(web), kill: () => killGroup(web, 'SIGKILL') }],
    [embedded && { name: `the embedded store (pid ${embedded.pid})`, stop: embedded.stop, kill: embedded.kill }],
  ]);
  process.exit(code);
};
onShutdown(() => stop(0));
web.on('exit', (code) => void stop(code ?? 1));
