import { spawn } from 'node:child_process';
import { applyLocalEnv } from './lib/local-env';
import { openStore } from './lib/with-store';
import { repoRoot } from './lib/paths';

// Production web process: migrations, first admin, then `next start`. Run `npm run worker` beside it.
if (!process.env.DATABASE_URL) applyLocalEnv();
const { embedded } = await openStore({ migrate: true, attach: true });
const { ensureAdmin } = await import('../lib/services/users/ensure-admin');
const admin = await ensureAdmin({ email: process.env.POSTURE_ADMIN_EMAIL, password: process.env.POSTURE_ADMIN_PASSWORD });
if (admin.status === 'created' && admin.generated) console.log(`[start] first admin: ${admin.email} / ${admin.password} (shown once)`);
const web = spawn('npx', ['next', 'start', '-p', process.env.PORT ?? '3000'], { cwd: repoRoot, env: process.env, stdio: 'inherit' });
const stop = () => web.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
web.on('exit', (code) => void (embedded ? embedded.stop() : Promise.resolve()).then(() => process.exit(code ?? 0)));
