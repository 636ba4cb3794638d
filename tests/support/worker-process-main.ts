import readline from 'node:readline';
import type { JobDefinition } from '../../lib/jobs/job-definition';
import { scanTargetJob } from '../../lib/jobs/scan-target-job';
import { startWorker } from '../../lib/jobs/start-worker';
import { enqueueScheduledScans } from '../../lib/scan/enqueue-scheduled-scans';

// Child entry of spawnWorkerProcess: a real worker replica (pg-boss on its own connections) running scan jobs.
// It reports each scan job it starts ("scan <pid> <scanId>") and runs the fan-out for a slot when told on stdin.
const traced: typeof scanTargetJob = {
  ...scanTargetJob,
  handler: async (data, ctx) => {
    process.stdout.write(`scan ${process.pid} ${data.scanId}\n`);
    await scanTargetJob.handler(data, ctx);
  },
};
const worker = await startWorker(process.env.DATABASE_URL!, [traced as JobDefinition]);
process.stdout.write('ready\n');
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, arg] = line.trim().split(/\s+/);
  if (cmd === 'fanout' && arg) {
    // The scan-fanout job's body for an explicit slot: what each replica's cron would run.
    void enqueueScheduledScans(arg, worker.boss).then(
      (n) => process.stdout.write(`queued ${arg} ${n}\n`),
      (e: unknown) => process.stdout.write(`fanout-error ${arg} ${e instanceof Error ? e.message : String(e)}\n`),
    );
  } else if (cmd === 'mem') {
    const m = process.memoryUsage();
    process.stdout.write(`mem ${m.rss} ${m.heapUsed} ${m.heapTotal} ${m.external}\n`);
  } else if (cmd === 'stop') {
    void worker.stop().then(() => process.exit(0));
  }
});
