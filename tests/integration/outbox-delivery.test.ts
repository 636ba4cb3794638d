import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { buildDigests } from '../../lib/alerts/build-digests';
import { claimOutboxRows } from '../../lib/alerts/claim-outbox-rows';
import { createMailTransport } from '../../lib/alerts/create-mail-transport';
import { deliverOutbox, OUTBOX_LEASE_MS } from '../../lib/alerts/deliver-outbox';
import { outboxMessageId } from '../../lib/alerts/outbox-message-id';
import { sendOutboxEmail } from '../../lib/alerts/send-outbox-email';
import { smtpSettings } from '../../lib/alerts/smtp-settings';
import { listOutbox } from '../../lib/services/alerts/list-outbox';
import { retryOutbox } from '../../lib/services/alerts/retry-outbox';
import { sendTestEmail } from '../../lib/services/alerts/send-test-email';
import { getDeliveryStatus } from '../../lib/services/alerts/get-delivery-status';
import { readCaughtMessages, spawnSmtpCatcher, type SmtpCatcherProcess } from '../../scripts/lib/spawn-smtp-catcher';
import { adminCtx, viewerCtx } from '../setup/contexts';
import { freePort } from '../support/free-port';

const SEC = 1_000;
const MIN = 60 * SEC;
let tmp = '';
let catcher: SmtpCatcherProcess;
const savedEnv = { ...process.env };

/** Accepts connections and never says a word: the SMTP greeting never comes. */
async function silentServer(port: number) {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { stop: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))) };
}

function useSmtp(port: number, extra: Record<string, string> = {}) {
  for (const k of Object.keys(process.env)) if (k.startsWith('POSTURE_SMTP_')) delete process.env[k];
  Object.assign(process.env, {
    POSTURE_SMTP_HOST: '127.0.0.1',
    POSTURE_SMTP_PORT: String(port),
    POSTURE_SMTP_FROM: 'Posture <posture@localhost>',
    POSTURE_SMTP_CONNECT_TIMEOUT_SECONDS: '2',
    POSTURE_SMTP_GREETING_TIMEOUT_SECONDS: '1',
    POSTURE_SMTP_SOCKET_TIMEOUT_SECONDS: '5',
    ...extra,
  });
}

async function addRow(data: { to?: string[]; subject?: string; digest?: boolean; kind?: string; text?: string; createdAt?: Date } = {}) {
  return db.outbox.create({
    data: {
      dedupeKey: `test-row:${randomUUID()}`,
      kind: data.kind ?? 'cert.expiry',
      severity: 'high',
      digest: data.digest ?? false,
      recipients: data.to ?? ['owner@example.com'],
      subject: data.subject ?? `[Posture] db-${randomUUID().slice(0, 8)}: TLS certificate expires in 7 days`,
      text: data.text ?? 'Renew the certificate.\nOpen the database: http://localhost:3000/databases/x',
      html: '<p>Renew the certificate.</p>',
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
    },
  });
}

/** Messages a catcher folder holds for these outbox rows (other rows may have gone to it too). */
const caughtFor = (dir: string, ids: string[]) => {
  const wanted = new Set(ids.map(outboxMessageId));
  return readCaughtMessages(dir).filter((m) => m.messageId && wanted.has(m.messageId));
};
const row = (id: string) => db.outbox.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'posture-outbox-'));
  catcher = await spawnSmtpCatcher({ port: await freePort(), dir: path.join(tmp, 'up') });
});

beforeEach(async () => {
  // The store is shared by the test files (run one at a time): start each case from an empty outbox.
  await db.outbox.deleteMany({});
  useSmtp(catcher.port);
});

afterAll(async () => {
  await catcher?.stop();
  await db.outbox.deleteMany({});
  for (const k of Object.keys(process.env)) if (k.startsWith('POSTURE_SMTP_') && !(k in savedEnv)) delete process.env[k];
  rmSync(tmp, { recursive: true, force: true });
});

describe('outbox delivery over a real SMTP server', () => {
  it('sends each pending row exactly once when two deliveries run at the same time', async () => {
    const rows = await Promise.all(Array.from({ length: 12 }, (_, i) => addRow({ to: [`twice-${i}@example.com`] })));
    const ids = rows.map((r) => r.id);
    const [a, b] = await Promise.all([deliverOutbox({ limit: 100 }), deliverOutbox({ limit: 100 })]);
    expect(a.sent + b.sent).toBe(12);
    expect(a.claimed + b.claimed).toBe(12);
    const caught = caughtFor(catcher.dir, ids);
    expect(caught).toHaveLength(12);
    expect(new Set(caught.map((m) => m.messageId)).size).toBe(12);
    for (const r of await db.outbox.findMany({ where: { id: { in: ids } } })) {
      expect(r).toMatchObject({ status: 'sent', attempts: 1, messageId: outboxMessageId(r.id), lastError: null });
      expect(r.sentAt).toBeInstanceOf(Date);
    }
    // Nothing is due any more: a third run sends nothing.
    expect((await deliverOutbox({ limit: 100 })).claimed).toBe(0);
    expect(caughtFor(catcher.dir, ids)).toHaveLength(12);
  });

  it('backs off while SMTP is down (refused, then no greeting) and delivers exactly one email once it is up', async () => {
    const port = await freePort();
    useSmtp(port);
    const r = await addRow({ to: ['down-then-up@example.com'] });
    const t0 = new Date(Date.now() + MIN);

    // 1: nothing listens, the connection is refused.
    const first = await deliverOutbox({ now: t0 });
    expect(first).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    let after = await row(r.id);
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(after.lastError).toMatch(/ECONNREFUSED/);
    expect(after.nextAttemptAt.getTime()).toBe(t0.getTime() + 30 * SEC);
    // Not due yet: not even claimed.
    expect((await deliverOutbox({ now: new Date(t0.getTime() + 29 * SEC) })).claimed).toBe(0);

    // 2: refused again, twice the wait.
    const t1 = new Date(t0.getTime() + 30 * SEC);
    await deliverOutbox({ now: t1 });
    after = await row(r.id);
    expect(after).toMatchObject({ status: 'pending', attempts: 2 });
    expect(after.nextAttemptAt.getTime()).toBe(t1.getTime() + 60 * SEC);

    // 3: something accepts the connection but never greets: the greeting timeout ends the attempt.
    const silent = await silentServer(port);
    const t2 = new Date(t1.getTime() + 60 * SEC);
    const started = Date.now();
    await deliverOutbox({ now: t2 });
    expect(Date.now() - started).toBeLessThan(10 * SEC);
    await silent.stop();
    after = await row(r.id);
    expect(after).toMatchObject({ status: 'pending', attempts: 3 });
    expect(after.lastError).toMatch(/greeting/i);
    expect(after.nextAttemptAt.getTime()).toBe(t2.getTime() + 120 * SEC);

    // Up: a second catcher process on the very port that was down.
    const up = await spawnSmtpCatcher({ port, dir: path.join(tmp, `later-${port}`) });
    try {
      const t3 = new Date(t2.getTime() + 120 * SEC);
      expect(await deliverOutbox({ now: t3 })).toMatchObject({ claimed: 1, sent: 1 });
      expect(await deliverOutbox({ now: new Date(t3.getTime() + 2 * 3_600_000) })).toMatchObject({ claimed: 0 });
      const caught = caughtFor(up.dir, [r.id]);
      expect(caught).toHaveLength(1);
      expect(caught[0]!.envelope.to).toEqual(['down-then-up@example.com']);
      expect(await row(r.id)).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
    } finally {
      await up.stop();
    }
  });

  it('marks a row dead after the last attempt; an admin retry makes it pending and it is delivered', async () => {
    const downPort = await freePort();
    useSmtp(downPort, { POSTURE_SMTP_MAX_ATTEMPTS: '3' });
    const r = await addRow({ to: ['dead-then-retried@example.com'] });
    let now = new Date();
    for (let i = 0; i < 3; i++) {
      await deliverOutbox({ now });
      now = new Date(now.getTime() + 2 * 3_600_000);
    }
    expect(await row(r.id)).toMatchObject({ status: 'dead', attempts: 3 });
    expect((await deliverOutbox({ now })).claimed).toBe(0);
    expect((await listOutbox(viewerCtx, { status: 'dead' })).items.map((i) => i.id)).toEqual([r.id]);

    await expect(retryOutbox(viewerCtx, r.id)).rejects.toMatchObject({ code: 'forbidden' });
    const retried = await retryOutbox(adminCtx, r.id);
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    await expect(retryOutbox(adminCtx, r.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(retryOutbox(adminCtx, randomUUID())).rejects.toMatchObject({ code: 'not_found' });
    await expect(retryOutbox(adminCtx, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
    const audit = await db.auditLog.findMany({ where: { entity: 'outbox', entityId: r.id } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['outbox.retry', 'user:admin@test.local']]);

    useSmtp(catcher.port);
    expect(await deliverOutbox({})).toMatchObject({ claimed: 1, sent: 1 });
    expect(caughtFor(catcher.dir, [r.id])).toHaveLength(1);
    expect(await row(r.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('resends with the same Message-ID after a crash between sending and marking, once the lease ends', async () => {
    const r = await addRow({ to: ['crash-window@example.com'] });
    const now = new Date();
    const settings = smtpSettings();
    if (settings.status !== 'configured') throw new Error('SMTP must be configured here');
    const crashingWorker = async () => {
      const [claimed] = await claimOutboxRows({ limit: 10, now, leaseMs: OUTBOX_LEASE_MS });
      await sendOutboxEmail(createMailTransport(settings.settings), settings.settings.from, claimed!);
      throw new Error('worker killed before marking the row sent');
    };
    await expect(crashingWorker()).rejects.toThrow('worker killed');
    expect(caughtFor(catcher.dir, [r.id])).toHaveLength(1);
    expect(await row(r.id)).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });

    // Leased: another worker leaves it alone until the lease ends.
    expect((await deliverOutbox({ now: new Date(now.getTime() + OUTBOX_LEASE_MS - SEC) })).claimed).toBe(0);
    expect(await deliverOutbox({ now: new Date(now.getTime() + OUTBOX_LEASE_MS) })).toMatchObject({ claimed: 1, sent: 1 });
    const caught = caughtFor(catcher.dir, [r.id]);
    expect(caught).toHaveLength(2);
    expect(caught.map((m) => m.messageId)).toEqual([outboxMessageId(r.id), outboxMessageId(r.id)]);
    expect(await row(r.id)).toMatchObject({ status: 'sent', attempts: 2, messageId: outboxMessageId(r.id) });
  });

  it('groups three alerts for one recipient into one digest email, once', async () => {
    const who = `digest-${Date.now()}@example.com`;
    const other = `digest-other-${Date.now()}@example.com`;
    const subjects = ['[Posture] auth-db: TLS certificate expires in 7 days', '[Posture] billing: password rotation overdue', '[Posture] ledger: backup stale <b>'];
    const waiting = [];
    for (const subject of subjects) waiting.push(await addRow({ to: [who], subject, digest: true, text: `Details for ${subject}` }));
    const otherRow = await addRow({ to: [other], digest: true });
    const single = await addRow({ to: ['single@example.com'] });

    // Digest rows are never sent alone.
    expect(await deliverOutbox({})).toMatchObject({ claimed: 1, sent: 1 });
    expect(caughtFor(catcher.dir, waiting.map((w) => w.id))).toHaveLength(0);
    expect(caughtFor(catcher.dir, [single.id])).toHaveLength(1);

    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    expect(await buildDigests({ now })).toEqual({ digests: 2, alerts: 4 });
    expect(await buildDigests({ now })).toEqual({ digests: 0, alerts: 0 });
    const digest = await db.outbox.findUniqueOrThrow({ where: { dedupeKey: `digest:${who}:${day}` } });
    expect(digest).toMatchObject({ kind: 'digest', digest: false, status: 'pending', recipients: [who] });
    for (const w of waiting) expect(await row(w.id)).toMatchObject({ status: 'sent', digestedIntoId: digest.id });
    expect((await row(otherRow.id)).digestedIntoId).not.toBe(digest.id);

    expect(await deliverOutbox({})).toMatchObject({ claimed: 2, sent: 2 });
    const caught = caughtFor(catcher.dir, [digest.id]);
    expect(caught).toHaveLength(1);
    expect(caught[0]!.envelope.to).toEqual([who]);
    expect(caught[0]!.subject).toBe(`[Posture] Daily digest for ${day}: 3 alerts`);
    for (const s of subjects) expect(caught[0]!.text).toContain(s);
    expect(caught[0]!.text).toContain('Details for [Posture] auth-db');
    expect(caught[0]!.html).toContain('backup stale &lt;b&gt;');
    expect(caught[0]!.html).not.toContain('<b>');
  });

  it('sends a test email through the normal path; only an admin may ask for one', async () => {
    await expect(sendTestEmail(viewerCtx, { to: 'ops@example.com' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(sendTestEmail(adminCtx, { to: 'ops@example.com\r\nBcc: x@evil.test' })).rejects.toMatchObject({ name: 'ZodError' });
    const queued = await sendTestEmail(adminCtx, { to: 'ops@example.com' });
    expect(queued).toMatchObject({ kind: 'test', status: 'pending', recipients: ['ops@example.com'] });
    expect((await db.auditLog.findMany({ where: { entityId: queued.id } })).map((a) => a.action)).toEqual(['outbox.test_email']);

    expect(await deliverOutbox({})).toMatchObject({ sent: 1 });
    const [mail] = caughtFor(catcher.dir, [queued.id]);
    expect(mail).toMatchObject({ subject: '[Posture] Test email', from: '"Posture" <posture@localhost>', envelope: { from: 'posture@localhost', to: ['ops@example.com'] } });
    expect(mail!.text).toContain('requested by admin@test.local');
    const listed = await listOutbox(viewerCtx, { kind: 'test' });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id: queued.id, status: 'sent' });
    expect(listed.counts).toMatchObject({ sent: 1, pending: 0, dead: 0, all: 1 });
  });

  it('never lets CR/LF in a subject or a recipient add a header or a recipient', async () => {
    const r = await addRow({ to: ['victim@example.com'], subject: '[Posture] db: expiring\r\nBcc: attacker@evil.test\r\nX-Injected: yes\n\nbody' });
    const smuggled = await addRow({ to: ['victim@example.com\r\nBcc: attacker@evil.test'] });
    const listed = await addRow({ to: ['a@example.com, attacker@evil.test'] });
    expect(await deliverOutbox({})).toMatchObject({ claimed: 3, sent: 1, dead: 2 });

    const [mail] = caughtFor(catcher.dir, [r.id]);
    expect(mail!.envelope.to).toEqual(['victim@example.com']);
    expect(mail!.subject).toBe('[Posture] db: expiring Bcc: attacker@evil.test X-Injected: yes body');
    const keys = mail!.headers.map((h) => h.key);
    expect(keys).not.toContain('bcc');
    expect(keys).not.toContain('x-injected');
    expect(keys.filter((k) => k === 'subject')).toHaveLength(1);
    expect(caughtFor(catcher.dir, [smuggled.id, listed.id])).toHaveLength(0);
    expect(readCaughtMessages(catcher.dir).some((m) => m.envelope.to.includes('attacker@evil.test'))).toBe(false);
    expect((await row(smuggled.id)).lastError).toMatch(/not valid email addresses/);
  });

  it('pauses without SMTP settings: rows stay pending, attempts untouched, and the status says why', async () => {
    for (const k of Object.keys(process.env)) if (k.startsWith('POSTURE_SMTP_')) delete process.env[k];
    const r = await addRow();
    expect(await deliverOutbox({})).toMatchObject({ status: 'paused', claimed: 0 });
    expect(await row(r.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await getDeliveryStatus(viewerCtx)).smtp).toEqual({ status: 'not-configured' });

    useSmtp(catcher.port, { POSTURE_SMTP_FROM: 'not an address', POSTURE_SMTP_PASSWORD: 'hunter2-secret' });
    const invalid = await deliverOutbox({});
    expect(invalid.status).toBe('invalid');
    expect(JSON.stringify(invalid)).not.toContain('not an address');
    const status = await getDeliveryStatus(viewerCtx);
    expect(status.smtp.status).toBe('invalid');
    expect(JSON.stringify(status)).not.toContain('hunter2');

    useSmtp(catcher.port);
    expect(await getDeliveryStatus(viewerCtx)).toMatchObject({ pending: 1, smtp: { status: 'configured', host: '127.0.0.1', port: catcher.port, security: 'opportunistic', authenticates: false } });
    expect(await deliverOutbox({})).toMatchObject({ sent: 1 });
  });
});
