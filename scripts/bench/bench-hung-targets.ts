import net from 'node:net';
import { startBlackholePort } from '../../tests/support/blackhole-port';
import type { Benchmark, BenchContext, BenchSection } from './bench-section';
import { quantile } from './quantile';
import { registerLabTargets } from './register-lab-targets';
import { runPool } from './run-pool';
import { startHealthyLab } from './start-healthy-lab';
import { listenOnLowPort } from '../../tests/support/listen-low-port';

const servers = 8;
const scans = 200;
const concurrency = 8;
const blackholeBudgetS = 10;

const ms = (n: number) => `${n.toFixed(0)} ms`;
const s = (n: number) => `${(n / 1000).toFixed(2)} s`;

/** A server that accepts TCP and never answers (it reads and drops, so it sees clients leave). */
async function startSilentServer(): Promise<{ port: number; stop: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((c) => {
    sockets.add(c);
    c.once('close', () => sockets.delete(c));
    c.on('error', () => c.destroy());
    c.resume();
  });
  await listenOnLowPort(server);
  return { port: (server.address() as net.AddressInfo).port, stop: () => (sockets.forEach((c) => c.destroy()), server.close()) };
}

/**
 * With the default timeouts (connect 5 s, probe 20 s): how long a blackholed or hung target takes to be classified,
 * and whether 10 % hung targets in a worker's batch slow the healthy scans beside them.
 */
export const hungTargetsBenchmark: Benchmark = {
  id: 'hung-targets',
  async run({ client }: BenchContext): Promise<BenchSection> {
    for (const k of ['POSTURE_CONNECT_TIMEOUT_SECONDS', 'POSTURE_PROBE_TIMEOUT_SECONDS']) delete process.env[k];
    console.log(`[bench] hung-targets: starting ${servers} healthy lab servers …`);
    const lab = await startHealthyLab(servers);
    const hole = await startBlackholePort();
    const silent = await startSilentServer();
    try {
      const healthyIds = await registerLabTargets(client, lab);
      const { db } = await import('../../lib/db');
      const { runScan } = await import('../../lib/scan/run-scan');
      const { createTarget } = await import('../../lib/services/targets/create-target');
      const { systemContext } = await import('../../lib/services/service-context');
      const ctx = systemContext('bench');
      const add = async (name: string, port: number) => (await createTarget(ctx, { name, engine: 'postgresql', host: '127.0.0.1', port })).id;
      const blackholed = await Promise.all(Array.from({ length: 5 }, (_, i) => add(`bench-blackholed-${i}`, hole.port)));
      const hung = await Promise.all(Array.from({ length: 20 }, (_, i) => add(`bench-hung-${i}`, silent.port)));
      let seq = 0;
      const scanOnce = async (targetId: string) => {
        const row = await db.scan.create({ data: { targetId, trigger: 'manual', status: 'queued', slot: `bench:${seq++}` } });
        const t0 = performance.now();
        await runScan(row.id);
        return performance.now() - t0;
      };
      for (const id of healthyIds) await scanOnce(id); // warm: first scans create the states

      console.log('[bench] hung-targets: classifying blackholed and hung targets …');
      const [holeTimes, hungTimes] = await Promise.all([Promise.all(blackholed.map(scanOnce)), Promise.all(hung.slice(0, 5).map(scanOnce))]);
      const reach = await db.checkState.findMany({ where: { targetId: { in: [...blackholed, ...hung.slice(0, 5)] }, checkId: { in: ['target.reachable', 'pg.tls.enabled'] } } });
      const summary = (ids: string[], check: string) => [...new Set(reach.filter((r) => ids.includes(r.targetId) && r.checkId === check).map((r) => `${r.status}${check === 'target.reachable' ? ` (${(r.evidence as { classification?: string }).classification})` : ''}`))].join(', ');

      const runs: { label: string; healthy: number[]; elapsed: number }[] = [];
      for (const share of [0, 0.1]) {
        const every = share ? Math.round(1 / share) : 0;
        const healthyTimes: number[] = [];
        let h = 0;
        const r = await runPool(scans, concurrency, async (i) => {
          if (every && i % every === every - 1) return void (await scanOnce(hung[i % hung.length]!));
          healthyTimes.push(await scanOnce(healthyIds[h++ % healthyIds.length]!));
        });
        runs.push({ label: `${share * 100} %`, healthy: healthyTimes, elapsed: r.elapsedMs });
        console.log(`[bench] hung-targets: ${share * 100} % hung → healthy p99 ${ms(quantile(healthyTimes, 0.99))}`);
      }
      const holeMax = Math.max(...holeTimes);
      const markdown = `## Down and hung targets (default timeouts: connect 5 s, probe 20 s)

Full scans (\`runScan\`) with the shipped timeouts. **Blackholed**: a loopback port whose accept queue is full, so SYNs
are dropped exactly as for an unroutable or firewalled address (tests/support/blackhole-port.ts). **Hung**: a server
that accepts TCP and never says a word. Five of each scanned at once, beside each other.

| target | classified as | pg.tls.enabled | scan time median | max |
|---|---|---|---:|---:|
| blackholed | ${summary(blackholed, 'target.reachable')} | ${summary(blackholed, 'pg.tls.enabled')} | ${s(quantile(holeTimes, 0.5))} | ${s(holeMax)} |
| hung | ${summary(hung.slice(0, 5), 'target.reachable')} | ${summary(hung.slice(0, 5), 'pg.tls.enabled')} | ${s(quantile(hungTimes, 0.5))} | ${s(Math.max(...hungTimes))} |

Blackholed classification **${s(holeMax)}** at most: ${holeMax <= blackholeBudgetS * 1000 ? `within the target (≤ ${blackholeBudgetS} s)` : `**over the target** (≤ ${blackholeBudgetS} s)`}. It is the connect
timeout; nothing after it waits on the target.

**Healthy scans beside hung ones.** ${scans} scans, ${concurrency} at a time (one worker's default concurrency), against the
${servers} healthy lab servers, with every tenth scan replaced by one of a hung target in the second run:

| hung share | healthy scans | p50 | p99 | max | whole batch |
|---|---:|---:|---:|---:|---:|
${runs.map((r) => `| ${r.label} | ${r.healthy.length} | ${ms(quantile(r.healthy, 0.5))} | **${ms(quantile(r.healthy, 0.99))}** | ${ms(Math.max(...r.healthy))} | ${s(r.elapsed)} |`).join('\n')}

A hung scan holds one of the worker's slots for the connect timeout (the TLS probe's first read), so the batch takes
longer by about (hung scans × 5 s) / concurrency; the healthy scans themselves are not slowed, since every probe
has its own deadline and each slot fetches its own job. With hung scans idling some slots, fewer healthy scans compete
for the CPU at once, so their p99 may even drop; otherwise the difference is CPU noise.`;
      return { id: this.id, markdown };
    } finally {
      hole.stop();
      silent.stop();
      await lab.stop();
    }
  },
};
