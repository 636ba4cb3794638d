import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { deliverOutbox } from '../../lib/alerts/deliver-outbox';
import { outboxMessageId } from '../../lib/alerts/outbox-message-id';
import { jobQueue } from '../../lib/queue/job-queue-client';
import { scanTargetJob } from '../../lib/jobs/scan-target-job';
import { runScan } from '../../lib/scan/run-scan';
import { createTarget } from '../../lib/services/targets/create-target';
import { startLabFleet, type LabFleet } from '../../scripts/lab/start-lab-fleet';
import { readCaughtMessages, spawnSmtpCatcher, type SmtpCatcherProcess } from '../../scripts/lib/spawn-smtp-catcher';
import { editorCtx, uniqueName } from '../setup/contexts';
import { pinDefaultAlertSettings } from '../support/pin-alert-settings';
import { spawnWorkerProcess, type WorkerProcess } from '../support/spawn-worker-process';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { freePort } from '../support/free-port';
import { pollUntil } from '../support/poll-until';

const HEARTBEAT_S = 10; // pg-boss's minimum
const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-crash-'));
const savedEnv = { ...process.env };
let fleet: LabFleet;
let catcher: SmtpCatcherProcess;
let proxy: TcpProxy;
let restoreSettings: () => Promise<void> = async () => {};
const workers: WorkerProcess[] = [];
const ourTargets: string[] = [];

beforeAll(async () => {
  [fleet, catcher] = await Promise.all([startLabFleet({ baseDir, only: ['cert-expiring'] }), spawnSmtpCatcher({ port: await freePort(), dir: path.join(baseDir, 'mail') })]);
  // Every connection to the target is held 4 s, so the first worker is surely inside a probe when it is killed.
  proxy = await startTcpProxy({ upstreamPort: fleet.targets[0]!.port, delayMs: 4_000, capture: false });
  restoreSettings = await pinDefaultAlertSettings();
  Object.assign(process.env, { POSTURE_SMTP_HOST: '127.0.0.1', POSTURE_SMTP_PORT: String(catcher.port), POSTURE_SMTP_FROM: 'Posture <posture@localhost>' });
}, 90_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await (await jobQueue()).stop({ graceful: false });
  await restoreSettings();
  await db.target.updateMany({ where: { id: { in: ourTargets } }, data: { archivedAt: new Date() } });
  for (const k of Object.keys(process.env)) if (k.startsWith('POSTURE_SMTP_') && !(k in savedEnv)) delete process.env[k];
  await proxy?.stop();
  await catcher?.stop();
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

describe('a worker process killed mid-scan (SIGKILL)', () => {
  it('is retried by another worker within the heartbeat window: one state per check, no duplicate events, exactly one email', async () => {
    const lab = fleet.targets[0]!;
    const env = { POSTURE_SCAN_HEARTBEAT_SECONDS: String(HEARTBEAT_S), POSTURE_CONNECT_TIMEOUT_SECONDS: '8', POSTURE_PROBE_TIMEOUT_SECONDS: '30' };
    const t = await createTarget(editorCtx, {
      name: uniqueName('crash'), engine: 'postgresql', host: '127.0.0.1', port: proxy.port, database: lab.database, caPem: lab.caPem,
      ownerEmail: 'crash-owner@example.com', credential: { username: lab.probeUser, password: lab.probePassword },
    });
    ourTargets.push(t.id);
    const scan = await db.scan.create({ data: { targetId: t.id, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('crash')}` } });

    const first = await spawnWorkerProcess(env);
    workers.push(first);
    await (await jobQueue()).send(scanTargetJob.name, { scanId: scan.id }, { id: scan.id });
    // Mid-scan: the job is running in the first worker and a probe connection is open (held by the proxy).
    await pollUntil('the first worker to be inside a probe', async () => first.scansStarted.includes(scan.id) && proxy.openSockets() > 0, 30_000);
    expect((await db.scan.findUniqueOrThrow({ where: { id: scan.id } })).status).toBe('running');
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    proxy.setDelayMs(0);

    const second = await spawnWorkerProcess(env);
    workers.push(second);
    await pollUntil('another worker to pick the scan up', async () => second.scansStarted.includes(scan.id), 90_000);
    const retriedAfterS = (Date.now() - killedAt) / 1000;
    // The window: the heartbeat lapses (≤ HEARTBEAT_S), a supervision pass notices (≤ HEARTBEAT_S / 2), the retry
    // waits out its backoff (10–20 s), and a worker polls it (≤ 2 s); plus slack for a loaded machine.
    console.log(`[crash] retried by pid ${second.pid} ${retriedAfterS.toFixed(1)} s after the SIGKILL`);
    expect(retriedAfterS).toBeGreaterThan(HEARTBEAT_S / 2);
    expect(retriedAfterS).toBeLessThan(HEARTBEAT_S * 1.5 + 20 + 2 + 6);
    await pollUntil('the retried scan to succeed', async () => (await db.scan.findUniqueOrThrow({ where: { id: scan.id } })).status === 'succeeded', 60_000);

    // The crashed attempt wrote nothing; the retry wrote each row once.
    expect(await db.scan.count({ where: { targetId: t.id } })).toBe(1);
    const states = await db.checkState.findMany({ where: { targetId: t.id } });
    expect(states.length).toBeGreaterThanOrEqual(12);
    expect(new Set(states.map((s) => s.checkId)).size).toBe(states.length);
    expect(states.find((s) => s.checkId === 'cert.expiry')?.status).toBe('fail');
    const events = await db.checkEvent.groupBy({ by: ['checkId'], where: { targetId: t.id }, _count: true });
    expect(events).toHaveLength(states.length);
    expect(events.every((e) => e._count === 1)).toBe(true);
    const outbox = await db.outbox.findMany({ where: { targetId: t.id } });
    expect(outbox.map((o) => o.dedupeKey)).toEqual([expect.stringMatching(new RegExp(`^cert:${t.id}:[0-9A-F:]+:14$`))]);

    // A duplicate delivery of the job, and a later scan that sees the same certificate, add nothing.
    await runScan(scan.id);
    const later = await db.scan.create({ data: { targetId: t.id, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('crash-later')}` } });
    await runScan(later.id);
    expect(await db.checkEvent.count({ where: { targetId: t.id } })).toBe(states.length);
    expect(await db.checkState.count({ where: { targetId: t.id } })).toBe(states.length);
    expect(await db.outbox.count({ where: { targetId: t.id } })).toBe(1);

    // Delivered once to a real SMTP server, and a second delivery pass finds nothing due.
    const run = await deliverOutbox({ limit: 100 });
    expect(run.sent).toBeGreaterThanOrEqual(1);
    expect((await deliverOutbox({ limit: 100 })).claimed).toBe(0);
    const mail = readCaughtMessages(catcher.dir).filter((m) => m.messageId === outboxMessageId(outbox[0]!.id));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.envelope.to).toEqual(['crash-owner@example.com']);
    expect(mail[0]!.subject).toContain('TLS certificate expires in');
    expect(readCaughtMessages(catcher.dir).filter((m) => m.envelope.to.includes('crash-owner@example.com'))).toHaveLength(1);
  }, 150_000);
});
