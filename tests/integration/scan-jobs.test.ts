import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { startWorker, type RunningWorker } from '../../lib/jobs/start-worker';
import { scanTargetJob } from '../../lib/jobs/scan-target-job';
import type { JobDefinition } from '../../lib/jobs/job-definition';
import { enqueueScheduledScans } from '../../lib/scan/enqueue-scheduled-scans';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, uniqueName } from '../setup/contexts';
import { listenOnLowPort } from '../support/listen-low-port';
import { serverProcessArgs } from '../../scripts/lib/server-process-args';

const workers: RunningWorker[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
});

async function until(what: string, cond: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('scheduled scans on pg-boss', () => {
  it('two workers fanning out the same slot scan every target exactly once', async () => {
    const url = process.env.DATABASE_URL!;
    const team = uniqueName('fanout');
    for (let i = 0; i < 6; i++) {
      await createTarget(editorCtx, { name: `${team}-${i}`, engine: 'postgresql', host: '127.0.0.1', port: 1, ownerTeam: team });
    }
    const [a, b] = await Promise.all([startWorker(url, [scanTargetJob]), startWorker(url, [scanTargetJob])]);
    workers.push(a!, b!);
    const slot = new Date(Date.UTC(2030, 0, 1, 0, 15)).toISOString();
    // Both replicas' cron fire for the same slot, twice over, as a retried fan-out would.
    await Promise.all([enqueueScheduledScans(slot, a!.boss), enqueueScheduledScans(slot, b!.boss), enqueueScheduledScans(slot, a!.boss)]);
    const active = await db.target.count({ where: { archivedAt: null } });
    await until('all scans of the slot to finish', async () => (await db.scan.count({ where: { slot, status: { in: ['succeeded', 'failed'] } } })) === active, 60_000);

    expect(await db.scan.count({ where: { slot } })).toBe(active);
    expect(await db.scan.count({ where: { slot, status: 'succeeded' } })).toBe(active);
    const ours = await db.target.findMany({ where: { ownerTeam: team }, select: { id: true, grade: true } });
    for (const t of ours) {
      expect(t.grade).toBe('F');
      // one event per check: each was seen once, by one scan
      const events = await db.checkEvent.groupBy({ by: ['checkId'], where: { targetId: t.id }, _count: true });
      expect(events.every((e) => e._count === 1)).toBe(true);
      const reach = await db.checkState.findUniqueOrThrow({ where: { targetId_checkId: { targetId: t.id, checkId: 'target.reachable' } } });
      expect(reach.status).toBe('fail');
      expect((reach.evidence as { classification?: string }).classification).toBe('refused');
    }
  }, 120_000); // every active target of the shared store is in the slot, however many earlier files left

  it('a worker killed mid-scan: the job is retried elsewhere and leaves no duplicate rows', async () => {
    const url = process.env.DATABASE_URL!;
    // A target that accepts TCP and then says nothing: the scan hangs in the TLS probe until its timeout.
    const silent = net.createServer(() => {});
    await listenOnLowPort(silent);
    const port = (silent.address() as net.AddressInfo).port;
    const t = await createTarget(editorCtx, { name: uniqueName('killed'), engine: 'postgresql', host: '127.0.0.1', port });
    const scan = await db.scan.create({ data: { targetId: t.id, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('kill')}` } });

    const script = `
      import { startWorker } from ${JSON.stringify(path.resolve('lib/jobs/start-worker.ts'))};
      import { scanTargetJob } from ${JSON.stringify(path.resolve('lib/jobs/scan-target-job.ts'))};
      const w = await startWorker(process.env.DATABASE_URL, [scanTargetJob]);
      await w.boss.send(scanTargetJob.name, { scanId: ${JSON.stringify(scan.id)} }, { id: ${JSON.stringify(scan.id)} });
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, [...serverProcessArgs, '--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, POSTURE_CONNECT_TIMEOUT_SECONDS: '120', POSTURE_PROBE_TIMEOUT_SECONDS: '120', POSTURE_SCAN_HEARTBEAT_SECONDS: '10' },
      stdio: 'inherit',
    });
    await until('the scan to start running', async () => (await db.scan.findUniqueOrThrow({ where: { id: scan.id } })).status === 'running', 30_000);
    child.kill('SIGKILL');

    const other = await startWorker(url, [{ ...scanTargetJob, queue: { ...scanTargetJob.queue, heartbeatSeconds: 10 } } as JobDefinition]);
    workers.push(other);
    await until('the retried scan to finish', async () => (await db.scan.findUniqueOrThrow({ where: { id: scan.id } })).status === 'succeeded', 90_000);
    silent.close();

    expect(await db.scan.count({ where: { targetId: t.id } })).toBe(1);
    const states = await db.checkState.findMany({ where: { targetId: t.id } });
    expect(new Set(states.map((s) => s.checkId)).size).toBe(states.length);
    const events = await db.checkEvent.groupBy({ by: ['checkId'], where: { targetId: t.id }, _count: true });
    expect(events.every((e) => e._count === 1)).toBe(true);
    expect(states.find((s) => s.checkId === 'target.reachable')?.status).toBe('pass');
    expect(states.find((s) => s.checkId === 'pg.tls.enabled')?.status).toBe('error');
  }, 150_000);
});
