import { applyLocalEnv } from './lib/local-env';
import { openStore } from './lib/with-store';
import { onShutdown } from './lib/on-shutdown';

applyLocalEnv();
const { url, embedded } = await openStore({ attach: true });
const { startWorker } = await import('../lib/jobs/start-worker');
const worker = await startWorker(url);
console.log('[worker] started: scheduled scans, scan jobs, alert delivery and digests, audit and scan retention');

onShutdown(async () => {
  await worker.stop();
  await embedded?.stop();
  process.exit(0);
});
