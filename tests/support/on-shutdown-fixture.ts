import { onShutdown } from '../../scripts/lib/on-shutdown';

// Stands in for demo/worker/start: a shutdown that takes longer than tsx's 60 ms signal hand-off.
onShutdown(async (signal) => {
  await new Promise((r) => setTimeout(r, 500));
  console.log(`stopped cleanly after ${signal}`);
  process.exit(0);
});
console.log('ready');
setInterval(() => {}, 1_000);
