import { applyLocalEnv } from './lib/local-env';
import { openStore } from './lib/with-store';
import { repoRoot } from './lib/paths';
import { startService, stopProcess, webServerCommand } from './lib/run-process';
import { onShutdown } from './lib/on-shutdown';

// Production web process: migrations, first admin, then the web server (scripts/web.ts). Run `npm run worker` beside it.
if (!process.env.DATABASE_URL) applyLocalEnv();
const { embedded } = await openStore({ migrate: true, attach: true });
const { ensureAdmin } = await import('../lib/services/users/ensure-admin');
const admin = await ensureAdmin({ email: process.env.POSTURE_ADMIN_EMAIL, password: process.env.POSTURE_ADMIN_PASSWORD });
if (admin.status === 'created' && admin.generated) console.log(`[start] first admin: ${admin.email} / ${admin.password} (shown once)`);
const [node, args] = webServerCommand(repoRoot, { port: process.env.PORT ?? '3000' });
const web = startService(node, args, { cwd: repoRoot, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
const stop = async (code: number) => {
  await stopProcess(web);
  await embedded?.stop();
  process.exit(code);
};
onShutdown(() => stop(0));
web.on('exit', (code) => void stop(code ?? 1));
