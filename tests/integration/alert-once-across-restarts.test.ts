import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { deliverOutbox } from '../../lib/alerts/deliver-outbox';
import { outboxMessageId } from '../../lib/alerts/outbox-message-id';
import { jobQueue } from '../../lib/queue/job-queue-client';
import { scanTargetJob } from '../../lib/jobs/scan-target-job';
import { createTarget } from '../../lib/services/targets/create-target';
import { ALERT_SETTINGS_KEY, defaultAlertSettings } from '../../lib/validations/alert-settings';
import { labPostures } from '../../scripts/lab/lab-postures';
import { startLabFleet, type LabFleet } from '../../scripts/lab/start-lab-fleet';
import { readCaughtMessages, spawnSmtpCatcher, type SmtpCatcherProcess } from '../../scripts/lib/spawn-smtp-catcher';
import { editorCtx, uniqueName } from '../setup/contexts';
import { freePort } from '../support/free-port';
import { pinDefaultAlertSettings } from '../support/pin-alert-settings';
import { spawnWorkerProcess, type WorkerProcess } from '../support/spawn-worker-process';
import { pollUntil } from '../support/poll-until';

// #17: the demo sent "lab-cert-expired" once per restart. Here the lab, the worker and the scans all restart, and the
// alert for one threshold still goes out once, to the owner team's address with the security list in copy.
const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-restarts-'));
const savedEnv = { ...process.env };
const team = uniqueName('restart-team');
const teamAddress = 'restart-team@example.com';
const security = 'restart-security@example.com';
let fleet: LabFleet | null = null;
let catcher: SmtpCatcherProcess;
let restoreSettings: () => Promise<void> = async () => {};
const workers: WorkerProcess[] = [];
const ourTargets: string[] = [];

beforeAll(async () => {
  [fleet, catcher] = await Promise.all([startLabFleet({ baseDir, only: ['cert-expiring'] }), spawnSmtpCatcher({ port: await freePort(), dir: path.join(baseDir, 'mail') })]);
  restoreSettings = await pinDefaultAlertSettings();
  const value = { ...defaultAlertSettings, securityRecipients: [security], teamAddresses: [{ team, email: teamAddress }] } as unknown as Prisma.InputJsonValue;
  await db.setting.update({ where: { key: ALERT_SETTINGS_KEY }, data: { value } });
  Object.assign(process.env, { POSTURE_SMTP_HOST: '127.0.0.1', POSTURE_SMTP_PORT: String(catcher.port), POSTURE_SMTP_FROM: 'Posture <posture@localhost>' });
}, 90_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await (await jobQueue()).stop({ graceful: false });
  await restoreSettings();
  await db.target.updateMany({ where: { id: { in: ourTargets } }, data: { archivedAt: new Date() } });
  for (const k of Object.keys(process.env)) if (k.startsWith('POSTURE_SMTP_') && !(k in savedEnv)) delete process.env[k];
  await catcher?.stop();
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

/** One scan through the job queue, run by a worker process started for it and stopped after it. */
async function scanInFreshWorker(targetId: string): Promise<void> {
  const worker = await spawnWorkerProcess();
  workers.push(worker);
  const scan = await db.scan.create({ data: { targetId, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('restart')}` } });
  await (await jobQueue()).send(scanTargetJob.name, { scanId: scan.id }, { id: scan.id });
  const done = await pollUntil('the scan to finish', async () => {
    const s = await db.scan.findUniqueOrThrow({ where: { id: scan.id } });
    return s.status === 'succeeded' || s.status === 'failed' ? s : null;
  }, 90_000);
  expect(done.status).toBe('succeeded');
  await worker.stop();
}

describe('one email per alert threshold across lab and worker restarts', () => {
  it('goes to the owner team (security list in copy) once, though the lab, the worker and the scan all ran twice', async () => {
    const lab = fleet!.targets[0]!;
    const t = await createTarget(editorCtx, {
      name: uniqueName('restarts'), engine: 'postgresql', host: lab.host, port: lab.port, database: lab.database, caPem: lab.caPem,
      ownerTeam: team, credential: { username: lab.probeUser, password: lab.probePassword },
    });
    ourTargets.push(t.id);

    await scanInFreshWorker(t.id);
    const first = await db.outbox.findMany({ where: { targetId: t.id, channelId: null } });
    expect(first.map((o) => [o.kind, o.recipients, o.cc])).toEqual([['cert.expiry', [teamAddress], [security]]]);
    expect((await deliverOutbox({ limit: 100 })).sent).toBeGreaterThanOrEqual(1);
    const fingerprint = async () => ((await db.checkState.findFirstOrThrow({ where: { targetId: t.id, checkId: 'cert.expiry' } })).evidence as { fingerprint256?: string }).fingerprint256;
    const servedFirst = await fingerprint();
    expect(servedFirst).toMatch(/^[0-9A-F:]{95}$/);

    // The lab stops and starts again on the same folder and ports, as `npm run demo` does after a restart.
    await fleet!.stop();
    fleet = null;
    fleet = await startLabFleet({ baseDir, only: ['cert-expiring'], basePort: lab.port - labPostures.findIndex((p) => p.name === 'cert-expiring') });
    expect(fleet.targets[0]!.port).toBe(lab.port);
    await scanInFreshWorker(t.id);
    expect(await fingerprint()).toBe(servedFirst);

    expect(await db.outbox.count({ where: { targetId: t.id, channelId: null } })).toBe(1);
    expect((await deliverOutbox({ limit: 100 })).claimed).toBe(0);
    const mail = readCaughtMessages(catcher.dir).filter((m) => m.envelope.to.includes(teamAddress));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.messageId).toBe(outboxMessageId(first[0]!.id));
    expect([...mail[0]!.envelope.to].sort()).toEqual([security, teamAddress]);
    const header = (key: string) => mail[0]!.headers.find((h) => h.key === key)?.line ?? '';
    expect(header('to')).toContain(teamAddress);
    expect(header('to')).not.toContain(security);
    expect(header('cc')).toContain(security);
  }, 300_000);
});
