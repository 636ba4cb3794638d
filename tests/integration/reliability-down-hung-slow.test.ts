import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../lib/engines/evaluate-checks';
import { db } from '../../lib/db';
import type { JobDefinition } from '../../lib/jobs/job-definition';
import { scanTargetJob } from '../../lib/jobs/scan-target-job';
import { startWorker } from '../../lib/jobs/start-worker';
import { collectObservations } from '../../lib/scan/collect-observations';
import { defaultPolicy, type ScanSpec } from '../../lib/scan/scan-spec';
import { startLabFleet, type LabFleet, type LabTarget } from '../../scripts/lab/start-lab-fleet';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, uniqueName } from '../setup/contexts';
import { startBlackholePort } from '../support/blackhole-port';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { tlsScanTimeBudgetMs } from '../../lib/probes/probe-tls-scan';
import { listenOnLowPort } from '../support/listen-low-port';

const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-down-'));
let fleet: LabFleet;
let healthy: LabTarget;
let hole: Awaited<ReturnType<typeof startBlackholePort>>;
let silent: net.Server;
let silentPort = 0;
const silentSockets = new Set<net.Socket>();
let refusedPort = 0;
const proxies: TcpProxy[] = [];

beforeAll(async () => {
  fleet = await startLabFleet({ baseDir, only: ['healthy'] });
  healthy = fleet.targets[0]!;
  hole = await startBlackholePort();
  // Accepts TCP and never says a word; it reads (and drops) what it gets, or it would never see the client leave.
  silent = net.createServer((s) => {
    silentSockets.add(s);
    s.once('close', () => silentSockets.delete(s));
    s.on('error', () => s.destroy());
    s.resume();
  });
  await listenOnLowPort(silent);
  silentPort = (silent.address() as net.AddressInfo).port;
  // A port that was just free: nothing listens, so a connect is refused.
  const probe = net.createServer();
  await listenOnLowPort(probe);
  refusedPort = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
}, 90_000);

afterAll(async () => {
  hole?.stop();
  for (const s of silentSockets) s.destroy();
  silent?.close();
  await Promise.all(proxies.map((p) => p.stop()));
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

const spec = (port: number, timeouts: ScanSpec['timeouts']): ScanSpec => ({
  engine: 'postgresql', host: '127.0.0.1', port, database: healthy.database, username: healthy.probeUser, password: healthy.probePassword,
  passwordSource: 'posture', rotatedAt: new Date().toISOString(), caPem: healthy.caPem, allowPlaintextLogin: false, kubernetes: null, kube: {},
  backup: null, policy: defaultPolicy, timeouts,
});

async function timedScan(s: ScanSpec) {
  const t0 = performance.now();
  const observations = await collectObservations(s);
  const results = evaluateChecks(observations);
  const status = (id: string) => results.find((r) => r.id === id)?.status;
  const reach = observations.reachability;
  return { ms: performance.now() - t0, observations, status, classification: reach.status === 'ok' ? reach.data.classification : reach.status };
}

describe('targets that are down, hung or slow', () => {
  it('refused, blackholed, hung and 5 s-slow are told apart within the timeouts; healthy scans in the same batch finish on time', async () => {
    const slow = await startTcpProxy({ upstreamPort: healthy.port, delayMs: 5_000, capture: false });
    proxies.push(slow);
    // Connect timeout above the 5 s latency, so a slow target is judged on what it serves, not timed out.
    const timeouts = { connectMs: 7_000, probeMs: 20_000 };
    const [refused, blackholed, hung, slowScan, ...healthyScans] = await Promise.all([
      timedScan(spec(refusedPort, timeouts)),
      timedScan(spec(hole.port, timeouts)),
      timedScan(spec(silentPort, timeouts)),
      timedScan(spec(slow.port, timeouts)),
      timedScan(spec(healthy.port, timeouts)),
      timedScan(spec(healthy.port, timeouts)),
    ]);
    console.log(`[down] refused ${refused.ms.toFixed(0)} ms, blackholed ${blackholed.ms.toFixed(0)} ms, hung ${hung.ms.toFixed(0)} ms, slow ${slowScan.ms.toFixed(0)} ms, healthy ${healthyScans.map((h) => h.ms.toFixed(0)).join(' / ')} ms`);

    // refused: the connect fails at once
    expect([refused.classification, refused.status('target.reachable'), refused.status('pg.tls.enabled')]).toEqual(['refused', 'fail', 'error']);
    expect(refused.ms).toBeLessThan(1_000);
    // blackholed (SYN never answered): a connect timeout, after the connect timeout and not much later
    expect([blackholed.classification, blackholed.status('target.reachable'), blackholed.status('pg.tls.enabled')]).toEqual(['timeout', 'fail', 'error']);
    expect(blackholed.ms).toBeGreaterThanOrEqual(timeouts.connectMs - 100);
    expect(blackholed.ms).toBeLessThan(timeouts.connectMs + 2_000);
    // hung (accepts, then silence): reachable, but the TLS probe reports no answer instead of hanging
    expect([hung.classification, hung.status('target.reachable'), hung.status('pg.tls.enabled')]).toEqual(['ok', 'pass', 'error']);
    expect(hung.observations.pgTls).toMatchObject({ status: 'error', message: expect.stringContaining('no answer within') });
    expect(hung.ms).toBeLessThan(timeouts.connectMs + 2_000);
    // slow (every connection answered 5 s late): judged on what it serves, like the healthy server it fronts, except
    // the deep TLS enumeration, which stops at its time budget and so cannot tell a pass
    for (const [id, expected] of Object.entries(healthy.expected)) {
      expect(`${id}: ${slowScan.status(id)}`).toBe(`${id}: ${id.startsWith('tls.') ? 'error' : expected}`);
    }
    expect(slowScan.observations.tlsScan).toMatchObject({ status: 'ok', data: { complete: false, incompleteReason: expect.stringContaining('time budget') } });
    expect(slowScan.ms).toBeGreaterThanOrEqual(3 * 5_000); // TLS, then the parallel TLS probes, then the login: each waits once
    expect(slowScan.ms).toBeLessThan(timeouts.probeMs + tlsScanTimeBudgetMs(timeouts.probeMs) + 5_000);
    // healthy scans, running alongside all of the above, are not held up by them
    for (const h of healthyScans) {
      expect(h.status('cert.expiry')).toBe('pass');
      expect(h.status('pg.password.encryption')).toBe('pass');
      expect(h.ms).toBeLessThan(4_000);
    }
  }, 60_000);

  it('in a worker, the scan of a hung target holds one slot only: the scans queued behind it run on the other slots', async () => {
    // The real worker path: pg-boss jobs, POSTURE_SCAN_CONCURRENCY 4, the hung scan first in the queue.
    const saved = process.env.POSTURE_CONNECT_TIMEOUT_SECONDS;
    process.env.POSTURE_CONNECT_TIMEOUT_SECONDS = '15';
    const worker = await startWorker(process.env.DATABASE_URL!, [{ ...scanTargetJob, batchSize: 4 } as JobDefinition]);
    const ids: string[] = [];
    try {
      const team = uniqueName('hol');
      const hungT = await createTarget(editorCtx, { name: `${team}-hung`, engine: 'postgresql', host: '127.0.0.1', port: silentPort, ownerTeam: team });
      ids.push(hungT.id);
      for (let i = 0; i < 9; i++) ids.push((await createTarget(editorCtx, { name: `${team}-${i}`, engine: 'postgresql', host: '127.0.0.1', port: refusedPort, ownerTeam: team })).id);
      const scans = [];
      for (const targetId of ids) scans.push(await db.scan.create({ data: { targetId, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('hol')}` } }));
      const t0 = Date.now();
      for (const s of scans) await worker.boss.send(scanTargetJob.name, { scanId: s.id }, { id: s.id });
      const fast = scans.slice(1).map((s) => s.id);
      const deadline = Date.now() + 40_000;
      while (Date.now() < deadline && (await db.scan.count({ where: { id: { in: fast }, status: 'succeeded' } })) < fast.length) await new Promise((r) => setTimeout(r, 100));
      const fastDoneS = (Date.now() - t0) / 1000;
      const hungState = (await db.scan.findUniqueOrThrow({ where: { id: scans[0]!.id } })).status;
      console.log(`[down] 9 quick scans behind a hung one done in ${fastDoneS.toFixed(1)} s (hung scan: ${hungState})`);
      expect(await db.scan.count({ where: { id: { in: fast }, status: 'succeeded' } })).toBe(fast.length);
      // well before the hung scan's 15 s connect timeout frees its slot (idle slots poll every 2 s)
      expect(hungState).toBe('running');
      expect(fastDoneS).toBeLessThan(12);
    } finally {
      await worker.stop();
      await db.target.updateMany({ where: { id: { in: ids } }, data: { archivedAt: new Date() } });
      if (saved === undefined) delete process.env.POSTURE_CONNECT_TIMEOUT_SECONDS;
      else process.env.POSTURE_CONNECT_TIMEOUT_SECONDS = saved;
    }
  }, 60_000);

  it('1,000 scans of down, hung and slow targets leave no socket or file descriptor behind', async () => {
    const slow = await startTcpProxy({ upstreamPort: healthy.port, delayMs: 200, capture: false });
    proxies.push(slow);
    const timeouts = { connectMs: 1_000, probeMs: 5_000 };
    const kinds = [
      { name: 'refused', port: refusedPort, expect: 'refused' },
      { name: 'blackholed', port: hole.port, expect: 'timeout' },
      { name: 'hung', port: silentPort, expect: 'ok' },
      { name: 'slow', port: slow.port, expect: 'ok' },
    ] as const;
    const fds = () => readdirSync('/proc/self/fd').length;
    const handles = () => process.getActiveResourcesInfo().filter((r) => /TCP|TLS|Pipe/.test(r)).length;
    // Warm up (lazy imports, TLS contexts) before the baseline. The slow proxy fronts the healthy server: its stored
    // enumeration is the healthy one's, reused as a worker reuses it between scans of an unchanged target.
    const [, , , , direct] = await Promise.all([...kinds.map((k) => timedScan(spec(k.port, timeouts))), timedScan(spec(healthy.port, { connectMs: 1_000, probeMs: 20_000 }))]);
    const stored = direct!.observations.tlsScan;
    if (stored?.status !== 'ok' || !stored.data.complete) throw new Error('the healthy server was not enumerated completely');
    const tlsScanCache = { ...stored.data, port: slow.port };
    await new Promise((r) => setTimeout(r, 500));
    const before = { fds: fds(), handles: handles() };

    const jobs = Array.from({ length: 1_000 }, (_, i) => kinds[i % kinds.length]!);
    const tally = new Map<string, number>();
    let next = 0;
    let slowRunning = 0;
    const t0 = Date.now();
    // 32 at a time; at most 8 against the real server behind the slow proxy (its max_connections is 20).
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < jobs.length) {
          const k = jobs[next++]!;
          if (k.name === 'slow') {
            while (slowRunning >= 8) await new Promise((r) => setTimeout(r, 20));
            slowRunning++;
          }
          try {
            const r = await timedScan(k.name === 'slow' ? { ...spec(k.port, timeouts), tlsScanCache } : spec(k.port, timeouts));
            const ok = r.classification === k.expect && (k.name !== 'slow' || (r.status('pg.password.encryption') === 'pass' && r.status('tls.mozilla_profile') === 'pass'));
            const key = `${k.name}:${ok ? 'as expected' : `${r.classification}/${r.status('pg.password.encryption')}`}`;
            tally.set(key, (tally.get(key) ?? 0) + 1);
          } finally {
            if (k.name === 'slow') slowRunning--;
          }
        }
      }),
    );
    const elapsed = Date.now() - t0;
    // Closed sockets leave the fd table as their close callbacks run: give them a moment.
    const settleUntil = Date.now() + 5_000;
    // The far ends see a close one network hop later than we do.
    const settled = () => fds() <= before.fds + 2 && handles() <= before.handles && slow.openSockets() === 0 && silentSockets.size === 0;
    while (Date.now() < settleUntil && !settled()) await new Promise((r) => setTimeout(r, 100));
    const after = { fds: fds(), handles: handles() };
    console.log(`[down] 1,000 scans in ${(elapsed / 1000).toFixed(1)} s; fds ${before.fds} → ${after.fds}, socket handles ${before.handles} → ${after.handles}; ${JSON.stringify(Object.fromEntries(tally))}`);

    expect(Object.fromEntries(tally)).toEqual({ 'refused:as expected': 250, 'blackholed:as expected': 250, 'hung:as expected': 250, 'slow:as expected': 250 });
    expect(after.fds).toBeLessThanOrEqual(before.fds + 5);
    expect(after.handles).toBeLessThanOrEqual(before.handles);
    // and the other ends: the proxy and the silent server hold nothing open either
    expect(slow.openSockets()).toBe(0);
    expect(silentSockets.size).toBe(0);
    expect(elapsed).toBeLessThan(60_000);
  }, 120_000);
});
