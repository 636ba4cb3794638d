import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import forge from 'node-forge';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labPostures } from '../../scripts/lab/lab-postures';
import { startLabFleet, type LabFleet, type LabTarget } from '../../scripts/lab/start-lab-fleet';

// tmpfs when there is one: twelve data folder copies cost ~5 s of disk writes on this VM, ~0.5 s in memory
const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-lab-'));
let fleet: LabFleet;

beforeAll(async () => {
  fleet = await startLabFleet({ baseDir });
}, 90_000);

afterAll(async () => {
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

const target = (posture: string): LabTarget => {
  const found = fleet.targets.find((t) => t.posture === posture);
  if (!found) throw new Error(`no lab target ${posture}`);
  return found;
};

async function withClient<T>(t: LabTarget, opts: { ssl: pg.ClientConfig['ssl']; asSuperuser?: boolean }, fn: (c: pg.Client) => Promise<T>) {
  const client = new pg.Client({
    host: t.host,
    port: t.port,
    database: t.database,
    user: opts.asSuperuser ? t.superUser : t.probeUser,
    password: opts.asSuperuser ? t.superPassword : t.probePassword,
    ssl: opts.ssl,
    connectionTimeoutMillis: 5000,
    query_timeout: 5000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

interface Handshake {
  protocol: string | null;
  cert: tls.DetailedPeerCertificate;
  authorized: boolean;
  authorizationError: string | null;
}

/** SSLRequest, then a TLS handshake over the same socket, the way a PostgreSQL client starts TLS. */
function handshake(port: number, options: tls.ConnectionOptions = {}): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
    socket.once('error', reject);
    socket.once('connect', () => socket.write(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])));
    socket.once('data', (answer) => {
      if (answer.toString() !== 'S') return reject(new Error(`server answered ${answer.toString()} to SSLRequest`));
      const secure = tls.connect({ socket, rejectUnauthorized: false, servername: 'localhost', ...options }, () => {
        resolve({ protocol: secure.getProtocol(), cert: secure.getPeerCertificate(true), authorized: secure.authorized, authorizationError: secure.authorizationError?.toString() ?? null });
        secure.end();
      });
      secure.once('error', reject);
    });
  });
}

const tls10 = { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } as const;
const daysLeft = (cert: tls.PeerCertificate) => (Date.parse(cert.valid_to) - Date.now()) / 86_400_000;
const signatureAlgorithm = (cert: tls.PeerCertificate) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(cert.raw.toString('binary'))).siginfo.algorithmOid;

describe('lab fleet: every posture is really in place', () => {
  it('starts one server per posture with lab-<posture> names', () => {
    expect(fleet.targets.map((t) => t.name)).toEqual(labPostures.map((p) => `lab-${p.name}`));
    expect(new Set(fleet.targets.map((t) => t.port)).size).toBe(labPostures.length);
    expect(target('healthy').probePassword.length).toBeGreaterThanOrEqual(32);
  });

  it('healthy: TLS login as the non-superuser probe role verifies against the lab CA; non-TLS is refused by pg_hba', async () => {
    const t = target('healthy');
    const role = await withClient(t, { ssl: { ca: t.caPem } }, async (c) => {
      const { rows } = await c.query("SELECT rolsuper, pg_has_role('pg_monitor', 'MEMBER') AS monitor, pg_has_role('pg_read_all_settings', 'MEMBER') AS settings, current_setting('password_encryption') AS enc FROM pg_roles WHERE rolname = current_user");
      return rows[0];
    });
    expect(role).toEqual({ rolsuper: false, monitor: true, settings: true, enc: 'scram-sha-256' });
    await expect(withClient(t, { ssl: false }, async () => null)).rejects.toMatchObject({ code: '28000', message: expect.stringMatching(/pg_hba\.conf rejects connection.*no encryption/) });
  });

  it('ssl-off refuses SSL; plaintext-accepted takes a non-TLS password login', async () => {
    await expect(withClient(target('ssl-off'), { ssl: { rejectUnauthorized: false } }, async () => null)).rejects.toThrow('The server does not support SSL connections');
    const pt = target('plaintext-accepted');
    expect(await withClient(pt, { ssl: false }, async (c) => (await c.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0])).toEqual({ ssl: false });
  });

  it('md5-passwords: password_encryption is md5 and the probe role is stored as md5', async () => {
    const t = target('md5-passwords');
    expect(await withClient(t, { ssl: { ca: t.caPem } }, async (c) => (await c.query('SHOW password_encryption')).rows[0])).toEqual({ password_encryption: 'md5' });
    const stored = await withClient(t, { ssl: { ca: t.caPem }, asSuperuser: true }, async (c) => (await c.query('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [t.probeUser])).rows[0]);
    expect(stored?.rolpassword).toMatch(/^md5[0-9a-f]{32}$/);
  });

  it('archive-failing never archives; healthy archives each switched WAL segment', async () => {
    const archiver = (t: LabTarget) =>
      withClient(t, { ssl: { ca: t.caPem }, asSuperuser: true }, async (c) => {
        await c.query("INSERT INTO lab_activity (note) VALUES ('test')");
        await c.query('SELECT pg_switch_wal()');
        await new Promise((r) => setTimeout(r, 500));
        return (await c.query('SELECT archived_count::int AS archived, failed_count::int AS failed FROM pg_stat_archiver')).rows[0] as { archived: number; failed: number };
      });
    const failing = await archiver(target('archive-failing'));
    expect(failing.archived).toBe(0);
    expect(failing.failed).toBeGreaterThan(0);
    expect((await archiver(target('healthy'))).archived).toBeGreaterThan(0);
  });

  it('serves the certificate each posture names', async () => {
    const ca = fleet.ca.certPem;
    const [healthy, expiring, expired, wrongHost, selfSigned, weak, sha1] = await Promise.all(
      ['healthy', 'cert-expiring', 'cert-expired', 'wrong-hostname', 'self-signed', 'weak-key', 'sha1-signature'].map((p) => handshake(target(p).port, { ca })),
    );
    expect(healthy).toMatchObject({ authorized: true, protocol: expect.stringMatching(/^TLSv1\.[23]$/) });
    expect(healthy!.cert.bits).toBe(2048);
    expect(signatureAlgorithm(healthy!.cert)).toBe(forge.pki.oids.sha256WithRSAEncryption);
    expect(daysLeft(healthy!.cert)).toBeGreaterThan(360);
    expect(daysLeft(expiring!.cert)).toBeGreaterThan(9);
    expect(daysLeft(expiring!.cert)).toBeLessThan(11);
    expect(daysLeft(expired!.cert)).toBeLessThan(0);
    expect(expired!.authorizationError).toBe('CERT_HAS_EXPIRED');
    expect(wrongHost!.cert.subjectaltname).toBe('DNS:db.other.example');
    expect(selfSigned!.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(weak!.cert.bits).toBe(1024);
    expect(signatureAlgorithm(sha1!.cert)).toBe(forge.pki.oids.sha1WithRSAEncryption);
  });

  it('tls10-allowed completes a TLS 1.0 handshake; healthy refuses one', async () => {
    expect((await handshake(target('tls10-allowed').port, tls10)).protocol).toBe('TLSv1');
    await expect(handshake(target('healthy').port, tls10)).rejects.toThrow(/protocol version|unsupported protocol/i);
  });
});
