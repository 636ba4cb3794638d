import { readFileSync } from 'node:fs';
import { spawnWorkerProcess } from '../../tests/support/spawn-worker-process';
import type { Benchmark, BenchContext, BenchSection } from './bench-section';
import { checkCatalog } from '../../lib/checks/check-catalog';

const checkCount = checkCatalog.length;

const targets = 10_000;
const capMs = 300_000;

const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
const int = (n: number) => n.toLocaleString('en-US');

/** VmRSS and VmHWM (peak) of a process, in KiB, from /proc. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * A real worker process (startWorker: pg-boss, scan jobs at the default concurrency) given one slot's fan-out of
 * 10,000 targets that refuse connections at once, so the probes cost nothing and the worker's own memory shows.
 */
export const workerRssBenchmark: Benchmark = {
  id: 'worker-rss',
  async run({ client }: BenchContext): Promise<BenchSection> {
    console.log(`[bench] worker-rss: seeding ${int(targets)} targets …`);
    await client.query('TRUNCATE "Target", "GradeSnapshot", "Outbox" CASCADE');
    await client.query(
      `INSERT INTO "Target" (id, name, engine, host, port, environment, "ownerTeam", criticality, "updatedAt")
       SELECT gen_random_uuid(), 'rss-db-' || lpad(i::text, 5, '0'), 'postgresql', '127.0.0.1', 1, 'production', 'team-' || (i % 40), 'medium', now()
       FROM generate_series(1, $1::int) AS i`,
      [targets],
    );
    const worker = await spawnWorkerProcess({ POSTURE_CONNECT_TIMEOUT_SECONDS: '2' });
    try {
      await new Promise((r) => setTimeout(r, 3_000));
      const idle = memory(worker.pid);
      const idleHeap = (await worker.memoryUsage()).heapUsed;
      const slot = new Date(Date.UTC(2033, 0, 1)).toISOString();
      const t0 = performance.now();
      const queued = await worker.fanout(slot);
      const fanoutMs = performance.now() - t0;
      const samples: { at: number; rss: number; heap: number; done: number }[] = [];
      let done = 0;
      while (done < targets && performance.now() - t0 < capMs) {
        await new Promise((r) => setTimeout(r, 2_000));
        done = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Scan" WHERE slot = $1 AND status IN ('succeeded', 'failed')`, [slot])).rows[0]!.n);
        samples.push({ at: performance.now() - t0, rss: memory(worker.pid).rss, heap: (await worker.memoryUsage()).heapUsed, done });
      }
      const elapsed = performance.now() - t0;
      const end = memory(worker.pid);
      const maxRss = Math.max(...samples.map((s) => s.rss));
      const maxHeap = Math.max(...samples.map((s) => s.heap));
      const endHeap = (await worker.memoryUsage()).heapUsed;
      const heapLimit = /--max-old-space-size=(\d+)/.exec(process.env.NODE_OPTIONS ?? '')?.[1];
      const half = samples.find((s) => s.done >= done / 2);
      const steadyRate = half && samples.length > 1 ? ((done - half.done) * 1000) / (samples.at(-1)!.at - half.at) : (done * 1000) / elapsed;
      console.log(`[bench] worker-rss: ${int(done)} scans in ${(elapsed / 1000).toFixed(0)} s, RSS idle ${mib(idle.rss)}, max ${mib(maxRss)}`);
      const markdown = `## Worker memory at ${int(targets)} targets

A worker process as \`npm run worker\` starts it (\`startWorker\`, scan jobs at the default \`POSTURE_SCAN_CONCURRENCY\` 8,
tests/support/worker-process-main.ts) on a store seeded with ${int(targets)} targets that refuse connections, then one
slot's fan-out run in that process (\`enqueueScheduledScans\`: ${int(queued)} Scan rows and pg-boss jobs). Each scan is the full
\`runScan\` (load, reachability, ${checkCount} checks, grade, persistence: ${checkCount} states, ${checkCount} events and a snapshot on a target's first scan); only the network part is instant.
RSS read from /proc/<pid>/status every 2 s.

| | |
|---|---:|
| V8 heap limit | ${heapLimit ? `${heapLimit} MiB (NODE_OPTIONS)` : 'Node default'} |
| RSS idle, after start | ${mib(idle.rss)} (JS heap used ${mib(idleHeap / 1024)}) |
| RSS max while scanning | **${mib(maxRss)}** (JS heap used at most ${mib(maxHeap / 1024)}) |
| RSS at the end | ${mib(end.rss)} (JS heap used ${mib(endHeap / 1024)}) |
| peak (VmHWM) | ${mib(end.peak)} |
| fan-out of the slot | ${(fanoutMs / 1000).toFixed(1)} s |
| scans finished | ${int(done)} of ${int(targets)} in ${(elapsed / 1000).toFixed(0)} s${done < targets ? ` (stopped at the ${capMs / 1000} s cap)` : ''} |
| rate, second half | ${steadyRate.toFixed(1)} scans/s |

The fleet's size reaches a worker only through the fan-out (one INSERT … SELECT, job inserts in chunks of 500) and
the 8 scans it holds at a time. At idle, Prisma's
client and pg-boss are loaded (the worker runs TypeScript through tsx). How far RSS rises while scanning is V8 letting its heap grow under steady allocation:
compare the JS heap actually in use (in brackets). Run with \`NODE_OPTIONS=--max-old-space-size=160 npm run bench --
worker-rss\` to cap the heap; the table then says so, and the slot still completes if nothing is retained. The time is the store's: each first scan
of a target writes its ${checkCount} states and ${checkCount} events in one transaction, on the same 2 cores as this worker.`;
      return { id: this.id, markdown };
    } finally {
      await worker.stop();
    }
  },
};
