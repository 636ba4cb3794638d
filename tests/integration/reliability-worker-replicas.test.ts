import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, uniqueName } from '../setup/contexts';
import { startCountingPgStub, type CountingPgStub } from '../support/counting-pg-stub';
import { spawnWorkerProcess, type WorkerProcess } from '../support/spawn-worker-process';

const TARGETS = 10;
const SLOTS = 3;
const stubs: CountingPgStub[] = [];
const replicas: WorkerProcess[] = [];
const targetIds: string[] = [];

beforeAll(async () => {
  const team = uniqueName('replicas');
  for (let i = 0; i < TARGETS; i++) {
    const stub = await startCountingPgStub();
    stubs.push(stub);
    const t = await createTarget(editorCtx, { name: `${team}-${i}`, engine: 'postgresql', host: '127.0.0.1', port: stub.port, ownerTeam: team });
    targetIds.push(t.id);
  }
  // Short timeouts: the fan-out also scans whatever other test files left active in the shared store.
  const env = { POSTURE_CONNECT_TIMEOUT_SECONDS: '2', POSTURE_PROBE_TIMEOUT_SECONDS: '5', POSTURE_SCAN_CONCURRENCY: '4' };
  replicas.push(...(await Promise.all([spawnWorkerProcess(env), spawnWorkerProcess(env)])));
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await db.target.updateMany({ where: { id: { in: targetIds } }, data: { archivedAt: new Date() } });
  await Promise.all(stubs.map((s) => s.stop()));
});

async function until(what: string, cond: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('two worker replicas (separate processes) running the scheduled fan-out', () => {
  it(`scan every due target exactly once per slot, for ${SLOTS} slots`, async () => {
    const [a, b] = replicas as [WorkerProcess, WorkerProcess];
    const base = Date.UTC(2031, 0, 1, 0, 0) + Math.floor(Math.random() * 10_000) * 900_000;
    const testStart = new Date();
    const start = stubs.map((s) => s.sslRequests());
    for (let i = 0; i < SLOTS; i++) {
      const slot = new Date(base + i * 15 * 60_000).toISOString();
      // Both replicas' cron fire for the slot at once, and one fires again (a retried fan-out job).
      await Promise.all([a.fanout(slot), b.fanout(slot), a.fanout(slot)]);
      const due = await db.scan.count({ where: { slot } });
      await until(`slot ${slot} to finish`, async () => (await db.scan.count({ where: { slot, status: { in: ['succeeded', 'failed'] } } })) === due, 60_000);

      const active = await db.target.count({ where: { archivedAt: null } });
      expect(due).toBe(active);
      const ours = await db.scan.findMany({ where: { slot, targetId: { in: targetIds } } });
      expect(ours.map((s) => s.status)).toEqual(Array(TARGETS).fill('succeeded'));
      // Across both processes each scan job ran once …
      const started = [...a.scansStarted, ...b.scansStarted].filter((id) => ours.some((s) => s.id === id));
      expect(started.sort()).toEqual(ours.map((s) => s.id).sort());
    }
    // … and, counted at the targets themselves, every scan probed its target exactly once (one SSLRequest each). A real
    // clock slot may also pass during the test and scan these targets once more; those scans count on both sides.
    await until('the targets to stop receiving connections', async () => {
      const seen = stubs.map((s) => s.sslRequests()).join();
      await new Promise((r) => setTimeout(r, 1_000));
      return stubs.map((s) => s.sslRequests()).join() === seen;
    }, 15_000);
    const finishedSince = { createdAt: { gte: testStart }, status: { in: ['succeeded' as const, 'failed' as const] } };
    const scansSince = await Promise.all(targetIds.map((id) => db.scan.count({ where: { targetId: id, ...finishedSince } })));
    expect(scansSince.every((n) => n >= SLOTS)).toBe(true);
    // A target another test file left active may name a port the OS has since handed to one of these stubs; its scans
    // reach the stub too, so each stub's expected count is every finished scan of any loopback target on its port.
    const expected = await Promise.all(
      stubs.map((s) => db.scan.count({ where: { ...finishedSince, target: { port: s.port, engine: 'postgresql', host: { in: ['127.0.0.1', 'localhost'] } } } })),
    );
    expect(stubs.map((s, j) => s.sslRequests() - start[j]!)).toEqual(expected);
    const share = [a, b].map((w) => w.scansStarted.length);
    console.log(`[replicas] scan jobs run per replica over ${SLOTS} slots: ${share.join(' / ')}`);
    expect(share.every((n) => n > 0)).toBe(true);
    // One CheckEvent per check per target: every slot after the first saw the same statuses.
    const events = await db.checkEvent.groupBy({ by: ['targetId', 'checkId'], where: { targetId: { in: targetIds } }, _count: true });
    expect(events.every((e) => e._count === 1)).toBe(true);
  }, 200_000);
});
