import '../setup/store-env';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { openSecret, sealSecret, type SecretBinding } from '../../lib/crypto/envelope';
import { createKeyring, type Keyring } from '../../lib/crypto/keyring';
import { credentialBinding } from '../../lib/crypto/credential-binding';
import { rotateMasterKey } from '../../lib/crypto/rotate-master-key';
import { channelSecretBinding } from '../../lib/alerts/channels/channel-secret-binding';
import { runScan } from '../../lib/scan/run-scan';
import { loadScanSpec } from '../../lib/scan/load-scan-spec';
import { uniqueName } from '../setup/contexts';

const root = path.resolve(import.meta.dirname, '../..');
const oldKey = process.env.POSTURE_MASTER_KEY!;
const newKey = randomBytes(32).toString('base64');
const oldRing = createKeyring(oldKey);
const newRing = createKeyring(newKey);
// This process plays a web/worker replica already restarted with the new key and the old one as previous.
process.env.POSTURE_MASTER_KEY = newKey;
process.env.POSTURE_MASTER_KEY_PREVIOUS = oldKey;

const ROWS = 400;
const seeded: { id: string; secret: string; binding: SecretBinding }[] = [];
const unbound = (id: string): SecretBinding => ({ kind: 'test-credential', rowId: id, field: 'password' });
const openSeeded = (ring: Keyring, r: { id: string; ciphertext: string | null }) => {
  const s = seeded.find((x) => x.id === r.id)!;
  return { plain: openSecret(ring, r.ciphertext!, s.binding), secret: s.secret };
};
const targetIds: string[] = [];

/** `npm run posture -- rotate-key` as one real process (node + tsx loader, no wrapper), so SIGKILL hits the process doing the work. */
function rotateKeyProcess(args: string[]): { child: ChildProcess; stderr: () => string; stdout: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['dist/posture.mjs', 'rotate-key', ...args], {
    cwd: root,
    env: { ...process.env, POSTURE_MASTER_KEY: newKey, POSTURE_MASTER_KEY_PREVIOUS: oldKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, stderr: () => err, stdout: () => out, exit };
}

const keyIdsOf = async (ids: string[]) => (await db.credential.findMany({ where: { id: { in: ids } }, select: { keyId: true } })).map((r) => r.keyId);

/** Scans a real PostgreSQL (the store itself) with a stored credential, over and over, until stopped; collects failures. */
function keepScanning(): { stop: () => Promise<{ scans: number; failures: string[] }> } {
  let running = true;
  let scans = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      for (const targetId of targetIds) {
        try {
          const spec = await loadScanSpec(targetId);
          if (spec.password === null) failures.push(`${targetId}: no password`);
          const scan = await db.scan.create({ data: { targetId, trigger: 'api', status: 'queued', slot: `rotation:${randomUUID()}` } });
          await runScan(scan.id);
          const done = await db.scan.findUniqueOrThrow({ where: { id: scan.id } });
          if (done.status !== 'succeeded') failures.push(`${targetId}: scan ${done.status}: ${done.error}`);
          scans++;
        } catch (e) {
          failures.push(`${targetId}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
  })();
  return { stop: async () => ((running = false), await loop, { scans, failures }) };
}

afterAll(async () => {
  // Other test files hold only the run's original key: put every row back under it, then drop this file's rows.
  await rotateMasterKey(db, createKeyring(oldKey, [newKey]), { batchSize: 500 });
  await db.target.deleteMany({ where: { id: { in: targetIds } } });
  await db.credential.deleteMany({ where: { id: { in: seeded.map((s) => s.id) } } });
});

describe('posture rotate-key', () => {
  it('killed halfway with SIGKILL and rerun: completes, every row readable, scans meanwhile never fail, idempotent', async () => {
    const store = new URL(process.env.DATABASE_URL!);
    for (let i = 0; i < ROWS; i++) {
      const id = randomUUID();
      seeded.push({ id, secret: `rotation-canary-${i}-${randomBytes(6).toString('hex')}`, binding: unbound(id) });
    }
    // A few seeded credentials are the store's real login, so the scans below log in with a rotated secret.
    const endpoint = { engine: 'postgresql', host: '127.0.0.1', port: Number(store.port), tlsServerName: null, caPem: null };
    for (let i = 0; i < 3; i++) {
      targetIds.push(randomUUID());
      seeded[i] = { ...seeded[i]!, secret: decodeURIComponent(store.password), binding: credentialBinding(targetIds[i]!, endpoint) };
    }
    await db.credential.createMany({
      data: seeded.map((s) => {
        const sealed = sealSecret(oldRing, s.secret, s.binding);
        return { id: s.id, username: decodeURIComponent(store.username), ciphertext: sealed.ciphertext, keyId: sealed.keyId, source: 'manual' as const, rotatedAt: new Date() };
      }),
    });
    for (let i = 0; i < 3; i++) {
      await db.target.create({ data: { id: targetIds[i], name: uniqueName('rotation'), engine: 'postgresql', host: '127.0.0.1', port: Number(store.port), database: store.pathname.slice(1), credentialId: seeded[i]!.id } });
    }
    const foreign = await db.credential.count({ where: { ciphertext: { not: null }, keyId: { notIn: [oldRing.current.id, newRing.current.id] } } });
    const dataParts = new Map((await db.credential.findMany({ where: { id: { in: seeded.map((s) => s.id) } } })).map((r) => [r.id, r.ciphertext!.split('.').slice(4).join('.')]));

    const scanning = keepScanning();
    const first = rotateKeyProcess(['--batch-size', '10', '--pause-ms', '40']);
    await expect.poll(() => /batch 5:/.test(first.stderr()), { timeout: 30_000, interval: 20 }).toBe(true);
    first.child.kill('SIGKILL');
    expect(await first.exit).toBeNull();
    const afterKill = await keyIdsOf(seeded.map((s) => s.id));
    const moved = afterKill.filter((k) => k === newRing.current.id).length;
    expect(moved, 'killed halfway: some rows re-wrapped, some not').toBeGreaterThan(0);
    expect(moved).toBeLessThan(ROWS);
    // Halfway, a replica holding both keys reads every row.
    const rows = await db.credential.findMany({ where: { id: { in: seeded.map((s) => s.id) } } });
    for (const r of rows) {
      const { plain, secret } = openSeeded(createKeyring(newKey, [oldKey]), r);
      expect(plain).toBe(secret);
    }

    const second = rotateKeyProcess(['--batch-size', '50', '--json']);
    expect(await second.exit, second.stderr()).toBe(foreign ? 1 : 0);
    const summary = JSON.parse(second.stdout()) as { keyId: string; rewrapped: number; failed: number; remaining: number };
    expect(summary).toMatchObject({ keyId: newRing.current.id, failed: foreign, remaining: foreign });
    expect(summary.rewrapped).toBeGreaterThanOrEqual(ROWS - moved);

    const { scans, failures } = await scanning.stop();
    expect(failures).toEqual([]);
    expect(scans).toBeGreaterThan(0);

    // Every row now opens with the new key alone; only the data key was re-wrapped, never the secret re-encrypted.
    const final = await db.credential.findMany({ where: { id: { in: seeded.map((s) => s.id) } } });
    expect(final).toHaveLength(ROWS);
    for (const r of final) {
      expect(r.keyId).toBe(newRing.current.id);
      const { plain, secret } = openSeeded(newRing, r);
      expect(plain).toBe(secret);
      expect(r.ciphertext!.split('.').slice(4).join('.')).toBe(dataParts.get(r.id));
    }

    const third = rotateKeyProcess(['--json']);
    await third.exit;
    expect(JSON.parse(third.stdout())).toMatchObject({ rewrapped: 0, remaining: foreign });
  }, 120_000);

  it('leaves a row under an unknown key untouched and says so, instead of looping or failing the rest', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const stray = sealSecret(createKeyring(randomBytes(32).toString('base64')), 'stray-secret', unbound(a));
    const good = sealSecret(oldRing, 'good-secret', unbound(b));
    seeded.push({ id: a, secret: 'stray-secret', binding: unbound(a) }, { id: b, secret: 'good-secret', binding: unbound(b) });
    await db.credential.createMany({ data: [
      { id: a, username: 'u', ciphertext: stray.ciphertext, keyId: stray.keyId, source: 'manual' },
      { id: b, username: 'u', ciphertext: good.ciphertext, keyId: good.keyId, source: 'manual' },
    ] });
    const result = await rotateMasterKey(db, createKeyring(newKey, [oldKey]), { batchSize: 1 });
    expect(result.failed.map((f) => f.id)).toContain(a);
    expect(result.failed.find((f) => f.id === a)!.error).toMatch(/no master key/);
    expect((await db.credential.findUniqueOrThrow({ where: { id: a } })).ciphertext).toBe(stray.ciphertext);
    expect(openSecret(newRing, (await db.credential.findUniqueOrThrow({ where: { id: b } })).ciphertext!, unbound(b))).toBe('good-secret');
    await db.credential.delete({ where: { id: a } });
  });

  it('re-wraps notification channel secrets too: a channel keeps working once the old key is dropped', async () => {
    const id = randomUUID();
    const secret = `hmac-canary-${randomBytes(8).toString('hex')}`;
    const sealed = sealSecret(oldRing, secret, channelSecretBinding(id, 'webhook'));
    await db.notificationChannel.create({ data: { id, name: uniqueName('rotation-channel'), type: 'webhook', url: 'https://hooks.example.com/posture', secretCiphertext: sealed.ciphertext, keyId: sealed.keyId } });
    try {
      const result = await rotateMasterKey(db, createKeyring(newKey, [oldKey]), { batchSize: 10 });
      expect(result.failed.map((f) => f.id)).not.toContain(id);
      const row = await db.notificationChannel.findUniqueOrThrow({ where: { id } });
      expect(row.keyId).toBe(newRing.current.id);
      expect(openSecret(newRing, row.secretCiphertext, channelSecretBinding(id, 'webhook'))).toBe(secret);
      expect(() => openSecret(oldRing, row.secretCiphertext, channelSecretBinding(id, 'webhook'))).toThrow();
    } finally {
      await db.notificationChannel.delete({ where: { id } });
    }
  });
});
