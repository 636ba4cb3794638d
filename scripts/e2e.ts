import type { ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { RunningWorker } from '../lib/jobs/start-worker';
import { startEmbeddedPostgres } from '../lib/store/start-embedded-postgres';
import { migrateDeploy } from '../lib/store/migrate';
import { ensureSystemPackage } from './lib/ensure-system-package';
import { killGroup, runTied, startService, stopProcess, waitForHttp, webServerCommand } from './lib/run-process';
import { nextBuild } from './lib/next-build';
import { ensureRuntimeBuilt } from './build-runtime';
import { stopInOrder } from './lib/stop-in-order';
import { onShutdown } from './lib/on-shutdown';
import { startLabFleet, type LabFleet } from './lab/start-lab-fleet';
import { reservePorts } from './lab/reserve-ports';
import { repoRoot } from './lib/paths';
import { spawnSmtpCatcher, type SmtpCatcherProcess } from './lib/spawn-smtp-catcher';

ensureSystemPackage('/usr/bin/chromium', 'chromium', 'the browser the Playwright e2e tests drive');

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-e2e-'));
chmodSync(dir, 0o755);
const port = Number(process.env.E2E_PORT ?? 3100 + Math.floor(Math.random() * 800));
const store = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: port + 20000, password: randomBytes(16).toString('hex'), database: 'posture_e2e' });
let server: ChildProcess | undefined;
let worker: RunningWorker | undefined;
// Real lab servers for the drill-down spec; RAM-backed when /dev/shm exists, like the lab tests.
const labDir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'posture-e2e-lab-'));
let lab: LabFleet | undefined;
// A real SMTP server process for the alert emails; the Alerts spec reads what it stored.
let catcher: SmtpCatcherProcess | undefined;
const mailDir = path.join(dir, 'mail');
// Everything the web server and the in-process worker print is also kept in a file, so the run can prove
// that no stored secret (the canary password below) ever reached a log line.
const serverLog = path.join(dir, 'server.log');
const logFile = createWriteStream(serverLog);
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logFile.write(chunk);
    return write(chunk, ...rest);
  }) as typeof stream.write;
}
const canary = `cnry-e2e-${randomBytes(12).toString('hex')}`;

const cleanup = async () => {
  const web = server;
  await stopInOrder('e2e', [
    [web && { name: 'the web server', stop: () => stopProcess(web), kill: () => killGroup(web, 'SIGKILL') }, worker && { name: 'the worker', stop: worker.stop }],
    [lab && { name: 'the lab servers', stop: lab.stop, kill: lab.kill }, catcher && { name: 'the SMTP catcher', stop: catcher.stop, kill: catcher.kill }],
    [{ name: 'the store', stop: store.stop, kill: store.kill }],
  ]);
  rmSync(dir, { recursive: true, force: true });
  rmSync(labDir, { recursive: true, force: true });
};
onShutdown((signal) => cleanup().then(() => process.exit(signal === 'SIGINT' ? 130 : 143)));

const users = {
  E2E_ADMIN_EMAIL: 'admin@e2e.test',
  E2E_ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
  E2E_EDITOR_EMAIL: 'editor@e2e.test',
  E2E_EDITOR_PASSWORD: randomBytes(12).toString('base64url'),
  E2E_VIEWER_EMAIL: 'viewer@e2e.test',
  E2E_VIEWER_PASSWORD: randomBytes(12).toString('base64url'),
};
const baseURL = `http://127.0.0.1:${port}`;
const appEnv = {
  ...process.env,
  DATABASE_URL: store.url,
  POSTURE_MASTER_KEY: randomBytes(32).toString('base64'),
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  NEXTAUTH_URL: baseURL,
  POSTURE_PUBLIC_URL: baseURL,
  // A short sign-in throttle window, so the brute-force spec can see the real user get in after it.
  POSTURE_LOGIN_WINDOW_SECONDS: '15',
};

/** After the whole run: the canary password the security spec stored is in no log line and no table row. */
async function assertNoCanary() {
  await new Promise((r) => logFile.write('', r));
  if (readFileSync(serverLog, 'utf8').includes(canary)) throw new Error('[e2e] the canary password appeared in the server or worker log');
  const { logicalDump } = await import('../tests/support/logical-dump');
  const dump = await logicalDump(store.url);
  if (dump.text.includes(canary)) throw new Error('[e2e] the canary password appeared in a row of the store');
  console.log(`[e2e] canary password absent from the server/worker log and from all ${dump.tables.length} tables`);
}

let failed = false;
try {
  await migrateDeploy(store.url);
  catcher = await spawnSmtpCatcher({ port: (await reservePorts(1))[0]!, dir: mailDir });
  // The Alerts spec delivers with "Deliver now"; a yearly cron keeps the worker from sending a pending email under it.
  Object.assign(appEnv, { POSTURE_SMTP_HOST: '127.0.0.1', POSTURE_SMTP_PORT: String(catcher.port), POSTURE_SMTP_FROM: 'posture@localhost', POSTURE_OUTBOX_DELIVERY_CRON: '0 0 1 1 *' });
  Object.assign(process.env, appEnv);
  const { createUser } = await import('../lib/services/users/create-user');
  const { systemContext } = await import('../lib/services/service-context');
  const ctx = systemContext('e2e-seed');
  await createUser(ctx, { email: users.E2E_ADMIN_EMAIL, password: users.E2E_ADMIN_PASSWORD, role: 'admin', name: 'E2E Admin' });
  await createUser(ctx, { email: users.E2E_EDITOR_EMAIL, password: users.E2E_EDITOR_PASSWORD, role: 'editor' });
  await createUser(ctx, { email: users.E2E_VIEWER_EMAIL, password: users.E2E_VIEWER_PASSWORD, role: 'viewer' });
  const { db } = await import('../lib/db');
  await db.$disconnect();
  // The scans that "Scan now" queues need a worker; in-process, on the same store as the web server.
  const { startWorker } = await import('../lib/jobs/start-worker');
  worker = await startWorker(store.url);

  // Only the postures the specs use: starting all twelve servers costs more than it buys here.
  lab = await startLabFleet({ baseDir: labDir, only: ['cert-expired', 'healthy'] });
  const labTarget = (posture: string) => {
    const t = lab?.targets.find((x) => x.posture === posture);
    if (!t) throw new Error(`lab posture ${posture} did not start`);
    return t;
  };
  const caFile = path.join(labDir, 'lab-ca.pem');
  writeFileSync(caFile, lab.ca.certPem);
  const labEnv = {
    E2E_LAB_CERT_EXPIRED_PORT: String(labTarget('cert-expired').port),
    E2E_LAB_HEALTHY_PORT: String(labTarget('healthy').port),
    E2E_LAB_DATABASE: labTarget('healthy').database,
    E2E_LAB_PROBE_USER: labTarget('healthy').probeUser,
    E2E_LAB_PROBE_PASSWORD: labTarget('healthy').probePassword,
    E2E_LAB_CA_PEM_FILE: caFile,
  };

  if (process.env.E2E_SKIP_BUILD !== '1') await nextBuild(appEnv);
  await ensureRuntimeBuilt(); // the web server runs dist/web.mjs
  const [node, args] = webServerCommand(repoRoot, { host: '127.0.0.1', port });
  server = startService(node, args, { cwd: repoRoot, env: { ...appEnv, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d: Buffer) => process.stdout.write(d));
  server.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  await waitForHttp(`${baseURL}/api/health`);
  await runTied(process.execPath, [path.join(repoRoot, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)], {
    cwd: repoRoot,
    env: { ...appEnv, ...users, ...labEnv, E2E_BASE_URL: baseURL, DATABASE_URL: store.url, E2E_MAIL_DIR: mailDir, E2E_CANARY: canary, E2E_SERVER_LOG: serverLog },
  });
  await assertNoCanary();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  failed = true;
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
