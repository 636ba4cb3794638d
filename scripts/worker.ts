import { applyLocalEnv } from './lib/local-env';
import { openStore } from './lib/with-store';

applyLocalEnv();
const { url, embedded } = await openStore({ attach: true });
const { startWorker } = await import('../lib/jobs/start-worker');
const worker = await startWorker(url);
console.log('[worker] started; jobs: audit-retention');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await embedded?.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
