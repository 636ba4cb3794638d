import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { deliverOutbox } from '../../lib/alerts/deliver-outbox';
import { outboxMessageId } from '../../lib/alerts/outbox-message-id';
import { runScan } from '../../lib/scan/run-scan';
import { createTarget } from '../../lib/services/targets/create-target';
import { startLabFleet, type LabFleet } from '../../scripts/lab/start-lab-fleet';
import { readCaughtMessages, spawnSmtpCatcher, type SmtpCatcherProcess } from '../../scripts/lib/spawn-smtp-catcher';
import { editorCtx, uniqueName } from '../setup/contexts';
import { pinDefaultAlertSettings } from '../support/pin-alert-settings';
import { freePort } from '../support/free-port';

const SEC = 1_000;
const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-smtp-outage-'));
const mailDir = path.join(baseDir, 'mail');
const savedEnv = { ...process.env };
let fleet: LabFleet;
let catcher: SmtpCatcherProcess | null = null;
let restoreSettings: () => Promise<void> = async () => {};
const ourTargets: string[] = [];

beforeAll(async () => {
  fleet = await startLabFleet({ baseDir, only: ['cert-expiring'] });
  restoreSettings = await pinDefaultAlertSettings();
}, 90_000);

afterAll(async () => {
  await catcher?.stop();
  await restoreSettings();
  await db.target.updateMany({ where: { id: { in: ourTargets } }, data: { archivedAt: new Date() } });
  for (const k of Object.keys(process.env)) if (k.startsWith('POSTURE_SMTP_') && !(k in savedEnv)) delete process.env[k];
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

describe('SMTP down while a certificate crosses an expiry threshold, then restored', () => {
  it('backs off while the catcher process is stopped, re-scans add nothing, and exactly one email arrives once it is back', async () => {
    const lab = fleet.targets[0]!;
    const port = await freePort();
    // The real SMTP catcher process on a fixed port, then stopped: the mail server goes away.
    catcher = await spawnSmtpCatcher({ port, dir: mailDir });
    await catcher.stop();
    Object.assign(process.env, {
      POSTURE_SMTP_HOST: '127.0.0.1', POSTURE_SMTP_PORT: String(port), POSTURE_SMTP_FROM: 'Posture <posture@localhost>',
      POSTURE_SMTP_CONNECT_TIMEOUT_SECONDS: '2', POSTURE_SMTP_GREETING_TIMEOUT_SECONDS: '2',
    });
    const owner = `${uniqueName('outage')}@example.com`.toLowerCase();
    const t = await createTarget(editorCtx, {
      name: uniqueName('smtp-outage'), engine: 'postgresql', host: lab.host, port: lab.port, database: lab.database, caPem: lab.caPem,
      ownerEmail: owner, credential: { username: lab.probeUser, password: lab.probePassword },
    });
    ourTargets.push(t.id);
    const scan = async () => {
      const s = await db.scan.create({ data: { targetId: t.id, trigger: 'schedule', status: 'queued', slot: `test:${uniqueName('outage')}` } });
      await runScan(s.id);
      expect((await db.scan.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('succeeded');
    };

    // The scan sees 10 days left: the 14-day threshold is crossed and one email is due.
    await scan();
    const [row] = await db.outbox.findMany({ where: { targetId: t.id } });
    expect(row).toMatchObject({ kind: 'cert.expiry', status: 'pending', attempts: 0 });
    expect(row!.dedupeKey).toMatch(/:14$/);
    const mine = () => db.outbox.findUniqueOrThrow({ where: { id: row!.id } });

    // Attempt 1 and 2 are refused, each backing off twice as long; re-scans meanwhile queue nothing new.
    const t0 = new Date(Date.now() + 60 * SEC);
    await deliverOutbox({ now: t0, limit: 500 });
    expect(await mine()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect((await mine()).nextAttemptAt.getTime()).toBe(t0.getTime() + 30 * SEC);
    await scan();
    await deliverOutbox({ now: new Date(t0.getTime() + 29 * SEC), limit: 500 });
    expect((await mine()).attempts).toBe(1); // not due yet: not even tried
    const t1 = new Date(t0.getTime() + 30 * SEC);
    await deliverOutbox({ now: t1, limit: 500 });
    expect(await mine()).toMatchObject({ status: 'pending', attempts: 2 });
    expect((await mine()).nextAttemptAt.getTime()).toBe(t1.getTime() + 60 * SEC);
    await scan();
    expect(await db.outbox.count({ where: { targetId: t.id } })).toBe(1);
    expect(readCaughtMessages(mailDir)).toHaveLength(0);

    // The mail server comes back on the same port: the next due attempt delivers, and nothing sends it again.
    catcher = await spawnSmtpCatcher({ port, dir: mailDir });
    await scan();
    await deliverOutbox({ now: new Date(t1.getTime() + 60 * SEC), limit: 500 });
    expect(await mine()).toMatchObject({ status: 'sent', attempts: 3, lastError: null, messageId: outboxMessageId(row!.id) });
    await deliverOutbox({ now: new Date(t1.getTime() + 3_600 * SEC), limit: 500 });
    await scan();
    await deliverOutbox({ now: new Date(t1.getTime() + 7_200 * SEC), limit: 500 });

    expect(await db.outbox.count({ where: { targetId: t.id } })).toBe(1);
    const mail = readCaughtMessages(mailDir).filter((m) => m.envelope.to.includes(owner));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.messageId).toBe(outboxMessageId(row!.id));
    expect(mail[0]!.subject).toMatch(/TLS certificate expires in (9|10) days/);
  }, 90_000);
});
