import { applyLocalEnv } from './lib/local-env';
import { openStore } from './lib/with-store';
import { onShutdown } from './lib/on-shutdown';
import { stopInOrder } from './lib/stop-in-order';

applyLocalEnv();
const { url, embedded } = await openStore({ attach: true });
const { startWorker } = await import('../lib/jobs/start-worker');
const { env } = await import('../lib/env');
const { startWorkerHealthServer } = await import('../lib/jobs/start-worker-health-server');
const worker = await startWorker(url);
console.log('[worker] started: scheduled scans, scan jobs, alert delivery and digests, audit and scan retention');
const healthPort = env().POSTURE_WORKER_HEALTH_PORT;
const health = healthPort ? await startWorkerHealthServer({ port: healthPort, isRunning: worker.isRunning, pingStore: worker.pingStore }) : null;
if (health) console.log(`[worker] health: GET /healthz/live and /healthz/ready on port ${health.port}`);

onShutdown(async () => {
  await stopInOrder('worker', [
    [health && { name: 'the health server', stop: health.close }, { name: 'the worker (scans in progress)', stop: worker.stop }],
    [embedded && { name: `the embedded store (pid ${embedded.pid})`, stop: embedded.stop, kill: embedded.kill }],
  ]);
  process.exit(0);
});
