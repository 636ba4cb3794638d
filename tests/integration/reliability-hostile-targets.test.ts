import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../lib/engines/evaluate-checks';
import { db } from '../../lib/db';
import { jobQueue } from '../../lib/queue/job-queue-client';
import { scanTargetJob } from '../../lib/jobs/scan-target-job';
import { collectObservations } from '../../lib/scan/collect-observations';
import { defaultPolicy, type ScanSpec } from '../../lib/scan/scan-spec';
import { createTarget } from '../../lib/services/targets/create-target';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { startLabFleet, type LabFleet } from '../../scripts/lab/start-lab-fleet';
import { editorCtx, uniqueName } from '../setup/contexts';
import { createEngineCerts, type EngineCerts } from '../support/engine-certs';
import { startHostileServers, type HostileServer, type HostileServerName } from '../support/hostile-servers';
import { spawnWorkerProcess, type WorkerProcess } from '../support/spawn-worker-process';
import { pollUntil } from '../support/poll-until';

// Short deadlines keep the file quick; "within its deadline" below is a correctness bound, not a measurement.
const CONNECT_MS = 1_500;
const PROBE_MS = 4_000;
const SLACK_MS = 2_500;
const credential = { username: 'probe', password: 'hostile-test-password' };

interface HostileCase {
  server: HostileServerName;
  engine: 'postgresql' | 'redis' | 'pgbackrest' | 'patroni' | 'etcd' | 'rabbitmq';
  /** checks that must report error, each summary naming what went wrong */
  errors: string[];
  message: RegExp;
}

const cases: HostileCase[] = [
  { server: 'zerosAfterAccept', engine: 'postgresql', errors: ['pg.tls.enabled'], message: /the server answered SSLRequest with byte 0x00 \(PostgreSQL answers S or N\), so TLS support is unknown/ },
  { server: 'zerosAfterTls', engine: 'postgresql', errors: ['pg.password.encryption', 'pg.hba.no_trust'], message: /the server sent bytes that are not PostgreSQL messages/ },
  { server: 'pgHugeDataRow', engine: 'postgresql', errors: ['pg.password.encryption'], message: /the server announced a 2147483647-byte message; Posture reads at most 1 MiB/ },
  { server: 'pgEndlessRows', engine: 'postgresql', errors: ['pg.password.encryption'], message: /the server sent more than 8 MiB to the postgres session probe; Posture reads at most 8 MiB per probe/ },
  { server: 'pgMalformedMessage', engine: 'postgresql', errors: ['pg.password.encryption'], message: /the postgres session probe stopped on what the server sent: .*out of range/ },
  { server: 'redisTlsZeros', engine: 'redis', errors: ['redis.auth.required', 'redis.tls.enabled'], message: /not a RESP reply \(first byte 0x0\)/ },
  { server: 'redisHugeBulk', engine: 'redis', errors: ['redis.auth.required'], message: /the server sent a 2147483647-byte RESP bulk string; Posture reads at most 1 MiB/ },
  { server: 'redisTrickle', engine: 'redis', errors: ['redis.auth.required'], message: new RegExp(`no reply to PING within ${CONNECT_MS} ms`) },
  { server: 'pgbackrestEndlessGreeting', engine: 'pgbackrest', errors: ['pgbackrest.client_cert_required'], message: /the server sent a pgBackRest greeting longer than 4 KiB \(no line end\); Posture reads at most 4 KiB/ },
  { server: 'patroniEndlessHeaders', engine: 'patroni', errors: ['patroni.tls.enabled', 'patroni.auth.unsafe_endpoints'], message: /the server sent more than 16 KiB of HTTP headers; Posture reads at most 16 KiB/ },
  { server: 'etcdEndlessBody', engine: 'etcd', errors: ['etcd.auth.enabled', 'etcd.client_cert_auth'], message: /the server sent more than 64 KiB of HTTP body to GET \/version; Posture reads at most 64 KiB/ },
  { server: 'amqpHugeFrame', engine: 'rabbitmq', errors: ['rabbitmq.amqps.enabled', 'rabbitmq.guest.restricted'], message: /the server sent a 2147483647-byte AMQP frame; Posture reads at most 128 KiB/ },
];

const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-hostile-'));
let certs: EngineCerts;
let servers: Record<HostileServerName, HostileServer>;
/** nothing listens here: management ports of the AMQP case point at it */
let closedPort = 0;
let fleet: LabFleet | undefined;
let worker: WorkerProcess | undefined;
const ourTargets: string[] = [];

beforeAll(async () => {
  certs = createEngineCerts();
  servers = await startHostileServers(certs.server);
  [closedPort] = (await reservePorts(1)) as [number];
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await (await jobQueue()).stop({ graceful: false });
  await db.target.updateMany({ where: { id: { in: ourTargets } }, data: { archivedAt: new Date() } });
  await Promise.all(Object.values(servers ?? {}).map((s) => s.stop()));
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

/** The inventory fields of a case's target: same port for plaintext (so it is not probed twice), management ports closed. */
function targetOf(c: HostileCase) {
  const port = servers[c.server].port;
  const tags = c.engine === 'redis' ? [`plaintext-port:${port}`]
    : c.engine === 'rabbitmq' ? [`plaintext-port:${port}`, `management-port:${closedPort}`, `management-plaintext-port:${closedPort}`] : [];
  return { engine: c.engine, host: '127.0.0.1', port, tags, caPem: certs.ca.certPem };
}

function specOf(c: HostileCase): ScanSpec {
  const t = targetOf(c);
  const pg = c.engine === 'postgresql';
  return {
    ...t, database: pg ? 'app' : null, username: pg ? credential.username : null, password: pg ? credential.password : null, passwordSource: pg ? 'posture' : null,
    rotatedAt: null, allowPlaintextLogin: false, kubernetes: null, kube: {}, backup: null, policy: defaultPolicy,
    timeouts: { connectMs: CONNECT_MS, probeMs: PROBE_MS }, clientCert: null,
  };
}

const MiB = 1024 * 1024;
/** VmHWM (peak resident set) and VmRSS of a process, in bytes. */
function rssOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}
/** Resets VmHWM to the current RSS (Linux clear_refs), so the next peak is the one of what runs from here. */
const resetPeakRss = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5');

describe('hostile targets: bounded readers', () => {
  it.each(cases)('$server ($engine): the scan ends within its deadline, the probe it attacked reports error, the rest still report', async (c) => {
    const t0 = performance.now();
    const results = evaluateChecks(await collectObservations(specOf(c)));
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(PROBE_MS + SLACK_MS);
    const status = Object.fromEntries(results.map((r) => [r.id, r]));
    for (const id of c.errors) {
      expect(status[id], `${id} in ${results.map((r) => r.id).join(', ')}`).toBeDefined();
      expect({ id, status: status[id]!.status, summary: status[id]!.summary }).toEqual({ id, status: 'error', summary: expect.stringMatching(c.message) });
    }
    expect(status['target.reachable']?.status).toBe('pass');
  });
});

describe('hostile targets: a real worker process', () => {
  it('scans every hostile target and survives: each scan within its deadline, the same process scans a healthy target next, and the hostile set costs it under 64 MiB of RSS, its peak under 300 MiB', async () => {
    fleet = await startLabFleet({ baseDir, only: ['healthy'] });
    const healthy = fleet.targets[0]!;
    worker = await spawnWorkerProcess({ POSTURE_CONNECT_TIMEOUT_SECONDS: String(CONNECT_MS / 1000), POSTURE_PROBE_TIMEOUT_SECONDS: String(PROBE_MS / 1000) });
    const w = worker;
    const queue = await jobQueue();
    const scanOf = async (targetId: string) => {
      const scan = await db.scan.create({ data: { targetId, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('hostile')}` } });
      await queue.send(scanTargetJob.name, { scanId: scan.id }, { id: scan.id });
      return scan.id;
    };
    const healthyTarget = await createTarget(editorCtx, {
      name: uniqueName('hostile-healthy'), engine: 'postgresql', host: '127.0.0.1', port: healthy.port, database: healthy.database, caPem: healthy.caPem,
      credential: { username: healthy.probeUser, password: healthy.probePassword },
    });
    ourTargets.push(healthyTarget.id);
    const scanHealthy = async () => {
      const scanId = await scanOf(healthyTarget.id);
      await pollUntil('the healthy scan to succeed', async () => (await db.scan.findUniqueOrThrow({ where: { id: scanId } })).status === 'succeeded', 60_000);
      const states = Object.fromEntries((await db.checkState.findMany({ where: { targetId: healthyTarget.id } })).map((s) => [s.checkId, s.status]));
      for (const [id, verdict] of Object.entries(healthy.expected)) expect([id, states[id]]).toEqual([id, verdict]);
    };
    // The first scan loads what every scan needs (about 100 MiB here, hostile or not): the peak is measured after it.
    await scanHealthy();
    resetPeakRss(w.pid);
    const before = rssOf(w.pid).now;

    const hostile = await Promise.all(
      cases.map(async (c) => {
        const t = await createTarget(editorCtx, { name: uniqueName(`hostile-${c.server}`), ...targetOf(c), ...(c.engine === 'postgresql' ? { database: 'app', credential } : {}) });
        ourTargets.push(t.id);
        return { c, targetId: t.id, scanId: await scanOf(t.id) };
      }),
    );
    const done = await pollUntil('every hostile scan to finish', async () => {
      const scans = await db.scan.findMany({ where: { id: { in: hostile.map((h) => h.scanId) }, status: { in: ['succeeded', 'failed'] } } });
      return scans.length === hostile.length && scans;
    }, 90_000);
    const peak = rssOf(w.pid).peak;
    console.log(`[hostile] worker pid ${w.pid}: RSS ${(before / MiB).toFixed(0)} MiB before the hostile scans, peak ${(peak / MiB).toFixed(0)} MiB during them`);
    expect(done.map((s) => s.status)).toEqual(hostile.map(() => 'succeeded'));
    for (const s of done) expect(s.finishedAt!.getTime() - s.startedAt!.getTime()).toBeLessThan(PROBE_MS + SLACK_MS);
    for (const { c, targetId } of hostile) {
      const states = await db.checkState.findMany({ where: { targetId, checkId: { in: c.errors } } });
      expect(states.map((s) => [s.checkId, s.status]).sort()).toEqual(c.errors.map((id) => [id, 'error']).sort());
    }
    expect(peak - before).toBeLessThan(64 * MiB);
    expect(peak).toBeLessThan(300 * MiB);

    // Still the same process, still answering, and it scans the healthy target as before.
    expect([w.child.exitCode, w.child.signalCode]).toEqual([null, null]);
    await scanHealthy();
    expect(w.scansStarted).toEqual(expect.arrayContaining(hostile.map((h) => h.scanId)));
    expect([w.child.exitCode, w.child.signalCode]).toEqual([null, null]);
  }, 180_000);
});
