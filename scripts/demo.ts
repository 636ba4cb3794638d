import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { applyLocalEnv } from './lib/local-env';
import { openStore } from './lib/with-store';
import { buildIfStale } from './lib/build-if-stale';
import { killGroup, startService, stopProcess, waitForHttp, webServerCommand } from './lib/run-process';
import { onShutdown } from './lib/on-shutdown';
import { repoRoot } from './lib/paths';
import { dataDir } from './lib/data-dir';
import { assertPortsFree, type NeededPort } from './lib/assert-ports-free';
import { stopInOrder } from './lib/stop-in-order';
import { startLabFleet, type LabFleet } from './lab/start-lab-fleet';
import { spawnSmtpCatcher, type SmtpCatcherProcess } from './lib/spawn-smtp-catcher';
import { redisServerBinary, startRedisLab, type RedisLab } from './lab/start-redis-lab';
import { ensureSystemPackage } from './lib/ensure-system-package';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
/** Paths in the checkout are shown relative to it, others (a relocated data folder) as they are. */
const shown = (p: string) => (p.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, p) : p);
const fail = (e: unknown): never => {
  console.error(`[demo] ${e instanceof Error ? e.message.replaceAll('\n', '\n[demo] ') : String(e)}`);
  process.exit(1);
};

applyLocalEnv();
const port = Number(process.env.PORT ?? 3000);
const labPort = Number(process.env.POSTURE_LAB_PORT ?? 15440);
const catcherPort = Number(process.env.POSTURE_CATCHER_PORT ?? 1025);
const withRedis = existsSync(redisServerBinary) || isRoot();
const publicUrl = process.env.POSTURE_PUBLIC_URL ?? `http://localhost:${port}`;
process.env.POSTURE_PUBLIC_URL = publicUrl;
process.env.NEXTAUTH_URL ??= publicUrl;

// Before anything starts, every port this run listens on must be free; a holder (a killed run's leftover) is named.
const range = (from: number, count: number, what: string): NeededPort[] => Array.from({ length: count }, (_, i) => ({ port: from + i, what }));
try {
  assertPortsFree(
    [
      { port, what: 'the web server; PORT chooses another' },
      ...(process.env.DATABASE_URL ? [] : [{ port: Number(process.env.POSTURE_STORE_PORT ?? 54329), what: 'the embedded store; POSTURE_STORE_PORT chooses another' }]),
      ...(process.env.POSTURE_SMTP_HOST ? [] : [{ port: catcherPort, what: 'the SMTP catcher; POSTURE_CATCHER_PORT chooses another' }]),
      ...range(labPort, 13, 'the lab fleet; POSTURE_LAB_PORT chooses another first port'),
      ...(withRedis ? range(labPort + 20, 4, 'the Redis lab; POSTURE_LAB_PORT chooses another first port') : []),
    ],
    dataDir(),
  );
} catch (e) {
  fail(e);
}

const { url, embedded } = await openStore({ migrate: true, attach: false }).catch(fail);
let web: ChildProcess | undefined;
let lab: LabFleet | undefined;
let redisLab: RedisLab | undefined;
let catcher: SmtpCatcherProcess | undefined;
let stopWorker: (() => Promise<void>) | undefined;
let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  console.log('\n[demo] stopping …');
  const server = web;
  // The store's users first, the store last; the whole stop within 10 s, naming whatever is slow.
  await stopInOrder('demo', [
    [
      server && { name: `the web server (pid ${server.pid})`, stop: () => stopProcess(server), kill: () => killGroup(server, 'SIGKILL') },
      stopWorker && { name: 'the worker (scans in progress)', stop: stopWorker },
    ],
    [
      lab && { name: 'the lab PostgreSQL servers', stop: lab.stop, kill: lab.kill },
      redisLab && { name: 'the Redis lab servers', stop: redisLab.stop, kill: redisLab.kill },
      catcher && { name: 'the SMTP catcher', stop: catcher.stop, kill: catcher.kill },
    ],
    [embedded && { name: `the embedded store (pid ${embedded.pid})`, stop: embedded.stop, kill: embedded.kill }],
  ]);
  console.log(`[demo] stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
};
onShutdown(() => shutdown(0));

try {
  const { ensureAdmin } = await import('../lib/services/users/ensure-admin');
  const admin = await ensureAdmin({ email: process.env.POSTURE_ADMIN_EMAIL, password: process.env.POSTURE_ADMIN_PASSWORD });
  const { seedDemoAlertRecipients } = await import('./lib/seed-demo-alert-recipients');
  if (await seedDemoAlertRecipients(admin.email)) console.log(`[demo] lab alert emails go to platform-team@example.com (the lab's owner team), cc ${admin.email} (the security list); change both on /alerts`);
  // A real SMTP server on loopback catches the demo's mail, unless SMTP is configured already.
  let mail = `SMTP server ${process.env.POSTURE_SMTP_HOST ?? ''} (POSTURE_SMTP_HOST); sent mail shows on /alerts`;
  if (!process.env.POSTURE_SMTP_HOST) {
    catcher = await spawnSmtpCatcher({ port: catcherPort, dir: path.join(dataDir(), 'mail') }).catch((e: unknown) => {
      console.warn(`[demo] SMTP catcher not started (${e instanceof Error ? e.message : String(e)}); set POSTURE_CATCHER_PORT to a free port. Alert emails wait as pending.`);
      return undefined;
    });
    if (catcher) {
      Object.assign(process.env, { POSTURE_SMTP_HOST: '127.0.0.1', POSTURE_SMTP_PORT: String(catcher.port), POSTURE_SMTP_FROM: 'posture@localhost' });
      mail = `SMTP catcher on 127.0.0.1:${catcher.port}; sent mail shows on /alerts (stored in ${shown(catcher.dir)})`;
    } else mail = 'not delivered (the SMTP catcher did not start); alert emails wait on /alerts';
  }
  console.log('[demo] starting the lab fleet: real PostgreSQL servers with varied postures …');
  lab = await startLabFleet({ baseDir: path.join(dataDir(), 'lab'), basePort: labPort });
  const { seedLabFleet } = await import('./lib/seed-lab-fleet');
  const labIds = await seedLabFleet(lab.targets);
  console.log(`[demo] lab fleet: ${labIds.length} servers in the inventory (environment "lab")`);
  // Redis beside PostgreSQL, so the fleet grade spans engines; installed as root, else left out with the package named.
  if (withRedis) {
    try {
      ensureSystemPackage(redisServerBinary, 'redis-server', "the demo's Redis lab servers");
      redisLab = await startRedisLab({ baseDir: path.join(dataDir(), 'lab'), basePort: labPort + 20 });
      const { seedRedisLab } = await import('./lib/seed-redis-lab');
      labIds.push(...(await seedRedisLab(redisLab.targets)));
      console.log(`[demo] Redis lab: ${redisLab.targets.length} servers in the inventory`);
    } catch (e) {
      // The PostgreSQL lab is the demo; Redis beside it is a bonus that must not stop it.
      console.warn(`[demo] Redis lab left out: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  } else {
    console.log(`[demo] Redis lab left out: ${redisServerBinary} is missing (sudo apt-get install -y redis-server adds it)`);
  }

  await buildIfStale(process.env);
  const [node, args] = webServerCommand(repoRoot, { port });
  web = startService(node, args, { cwd: repoRoot, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  web.on('exit', (code) => void (stopping ? null : shutdown(code ?? 1)));
  const { startWorker } = await import('../lib/jobs/start-worker');
  stopWorker = (await startWorker(url)).stop;
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, 90_000);
  const { requestScan } = await import('../lib/services/scans/request-scan');
  const { systemContext } = await import('../lib/services/service-context');
  const scanIds: string[] = [];
  for (const id of labIds) scanIds.push((await requestScan(systemContext('demo'), { targetId: id, trigger: 'manual' })).id);

  const login =
    admin.status === 'created' && admin.generated
      ? `${admin.email} / ${admin.password}   (generated now and shown only this once)`
      : admin.status === 'created'
        ? `${admin.email} / the POSTURE_ADMIN_PASSWORD you set`
        : `${admin.email} / the password printed on the first run (set POSTURE_ADMIN_EMAIL and POSTURE_ADMIN_PASSWORD to add another admin)`;
  console.log(`\n  Posture is running:  ${publicUrl}\n  Log in as:           ${login}\n  Store:               ${embedded ? `embedded PostgreSQL in ${shown(path.join(dataDir(), 'pg'))}` : 'DATABASE_URL'}\n  Mail:                ${mail}\n  Stop with Ctrl-C.\n`);
  // The overview's fleet grade and trend come from the roll-up (every 15 min); write the first once these scans finish.
  const { db } = await import('../lib/db');
  const { writeFleetSnapshot } = await import('../lib/fleet/write-fleet-snapshot');
  const deadline = Date.now() + 60_000;
  while (!stopping && Date.now() < deadline && (await db.scan.count({ where: { id: { in: scanIds }, status: { in: ['queued', 'running'] } } })) > 0) {
    await new Promise((r) => setTimeout(r, 1_000));
  }
  if (!stopping) {
    await writeFleetSnapshot().then(
      (fleet) => fleet && console.log(`[demo] fleet roll-up: ${fleet.grade} (${fleet.score.toFixed(1)}) over ${fleet.targets} databases`),
      (e: unknown) => console.warn(`[demo] fleet roll-up failed (the worker retries every 15 min): ${e instanceof Error ? e.message : String(e)}`),
    );
    // The scans wrote alert emails (e.g. lab-cert-expiring's certificate); send them now rather than at the worker's next minute.
    const { deliverOutbox } = await import('../lib/alerts/deliver-outbox');
    await deliverOutbox().then(
      (run) => run.sent && console.log(`[demo] alert emails: ${run.sent} sent (see /alerts)`),
      (e: unknown) => console.warn(`[demo] alert delivery failed (the worker retries every minute): ${e instanceof Error ? e.message : String(e)}`),
    );
  }
} catch (e) {
  console.error(`[demo] ${e instanceof Error ? e.message : String(e)}`);
  await shutdown(1);
}
