import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluateChecks } from '../../lib/engines/evaluate-checks';
import { gradeTarget } from '../../lib/grading/grade-target';
import { collectObservations } from '../../lib/scan/collect-observations';
import { probePostgresSession } from '../../lib/probes/probe-postgres-session';
import { defaultPolicy, type ScanSpec } from '../../lib/scan/scan-spec';
import { startLabFleet, type LabFleet, type LabTarget } from '../../scripts/lab/start-lab-fleet';
import { startBlackholePort } from '../support/blackhole-port';
import { openProbePgClient } from '../../lib/probes/open-probe-pg-client';
import { sharedProbePgSession } from '../../lib/probes/shared-probe-pg-session';

const aboveB = ['B+', 'A-', 'A', 'A+'];
import { listenOnLowPort } from '../support/listen-low-port';

// Counts the probe's logins while keeping the real client: a scan should cost the target one backend, not one per reader.
vi.mock('../../lib/probes/open-probe-pg-client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/probes/open-probe-pg-client')>();
  return { ...real, openProbePgClient: vi.fn(real.openProbePgClient) };
});

const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-labscan-'));
let fleet: LabFleet;

beforeAll(async () => {
  fleet = await startLabFleet({ baseDir });
  writeFileSync(path.join(baseDir, 'ca.pem'), fleet.ca.certPem);
}, 90_000);

afterAll(async () => {
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

const specFor = (t: LabTarget, patch: Partial<ScanSpec> = {}): ScanSpec => ({
  engine: 'postgresql',
  host: t.host,
  port: t.port,
  database: t.database,
  username: t.probeUser,
  password: t.probePassword,
  passwordSource: 'posture',
  rotatedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
  caPem: t.caPem,
  allowPlaintextLogin: false,
  kubernetes: null,
  kube: {},
  backup: null,
  policy: defaultPolicy,
  timeouts: { connectMs: 5_000, probeMs: 20_000 },
  ...patch,
});

describe('probes against the real lab fleet', () => {
  it('every posture yields exactly the expected check statuses', async () => {
    const mismatches: string[] = [];
    await Promise.all(
      fleet.targets.map(async (t) => {
        const results = evaluateChecks(await collectObservations(specFor(t)));
        for (const [id, expected] of Object.entries(t.expected)) {
          const got = results.find((r) => r.id === id);
          if (got?.status !== expected) mismatches.push(`${t.name} ${id}: expected ${expected}, got ${got?.status} (${got?.summary})`);
        }
      }),
    );
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('records what it saw: protocol, chain, fingerprint, days left, and never the password', async () => {
    const t = fleet.targets.find((x) => x.posture === 'cert-expiring')!;
    const obs = await collectObservations(specFor(t));
    expect(obs.pgTls.status).toBe('ok');
    if (obs.pgTls.status !== 'ok' || obs.certificate.status !== 'ok') throw new Error('probe failed');
    expect(obs.pgTls.data.handshake?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(obs.pgTls.data.legacyTls).toEqual({ TLSv1: 'refused', 'TLSv1.1': 'refused' });
    expect(obs.pgTls.data.plaintextLogin.outcome).toBe('rejected');
    expect(obs.certificate.data.chain[0]!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(obs.certificate.data.daysLeft).toBeGreaterThanOrEqual(9);
    expect(obs.certificate.data.daysLeft).toBeLessThanOrEqual(10);
    expect(JSON.stringify(obs)).not.toContain(t.probePassword);
    const plain = fleet.targets.find((x) => x.posture === 'plaintext-accepted')!;
    const p = await collectObservations(specFor(plain));
    if (p.pgTls.status !== 'ok') throw new Error('probe failed');
    expect(p.pgTls.data.plaintextLogin).toMatchObject({ outcome: 'auth-requested', method: 'scram-sha-256' });
  });

  it('one scan logs in once: the session and hardening readers share a connection, and a refused login is reported by both', async () => {
    const t = fleet.targets.find((x) => x.posture === 'healthy')!;
    const logins = vi.mocked(openProbePgClient);
    logins.mockClear();
    const ok = await collectObservations(specFor(t));
    expect([ok.pgSession.status, ok.pgHardening.status]).toEqual(['ok', 'ok']);
    expect(logins).toHaveBeenCalledTimes(1);

    logins.mockClear();
    const refused = await collectObservations(specFor(t, { password: 'not-the-password' }));
    expect(logins).toHaveBeenCalledTimes(1);
    expect(refused.pgSession.status === 'error' && refused.pgSession.message).toMatch(/^login as .* failed: password authentication failed/);
    expect(refused.pgHardening.status === 'error' && refused.pgHardening.message).toMatch(/^hardening read as .* failed: password authentication failed/);
  }, 60_000);

  it('a reader that overruns ends the shared login, and the next reader says why instead of hanging', async () => {
    const t = fleet.targets.find((x) => x.posture === 'healthy')!;
    const session = sharedProbePgSession({
      host: t.host, port: t.port, database: t.database, user: t.probeUser, password: t.probePassword,
      trust: { caPem: t.caPem, serverName: t.host, pinSha256: null },
      requireTls: true, tlsOffered: true, plaintextMethod: null, connectTimeoutMs: 5_000, queryTimeoutMs: 20_000,
    });
    try {
      expect(await session.use(undefined, async (c) => (await c.query('SELECT 1 AS one')).rows[0].one)).toBe(1);
      const deadline = new AbortController();
      const slow = session.use(deadline.signal, (c) => c.query('SELECT pg_sleep(10)'));
      setTimeout(() => deadline.abort(), 200);
      const started = Date.now();
      await expect(slow).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(session.use(undefined, (c) => c.query('SELECT 1'))).rejects.toThrow(/earlier reader on it overran its deadline/);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('grades under the policy: healthy A+, expired F, ssl off F, expiring D, TLS 1.0 held at B', async () => {
    const grade = async (posture: string) => gradeTarget(evaluateChecks(await collectObservations(specFor(fleet.targets.find((x) => x.posture === posture)!))));
    expect((await grade('healthy')).grade).toBe('A+');
    expect((await grade('cert-expired')).caps[0]).toMatchObject({ rule: 'no-protection', maxGrade: 'F', checkIds: ['cert.expiry'] });
    expect((await grade('ssl-off')).caps[0]).toMatchObject({ rule: 'no-protection', checkIds: ['pg.tls.enabled', 'pg.tls.required'] });
    expect((await grade('cert-expiring')).grade).toBe('D');
    const tls10 = await grade('tls10-allowed');
    expect([tls10.grade, tls10.caps]).toEqual(['B', [{ rule: 'high-failed', maxGrade: 'B', checkIds: ['pg.tls.min_version'] }]]);
    // its score alone is above B (the TLS configuration checks cost it the A range): the cap is what holds it
    expect(aboveB).toContain(tls10.scoreGrade);
  });
});

describe('plaintext logins for probing', () => {
  it('an admin-allowed plaintext SCRAM login reads settings from a server without TLS', async () => {
    const t = fleet.targets.find((x) => x.posture === 'ssl-off')!;
    const strict = await collectObservations(specFor(t));
    expect(strict.pgSession).toMatchObject({ status: 'skipped' });
    const allowed = await collectObservations(specFor(t, { allowPlaintextLogin: true }));
    expect(allowed.pgSession.status).toBe('ok');
    if (allowed.pgSession.status === 'ok') expect(allowed.pgSession.data.ssl).toBe('off');
  });

  it('never logs in over plaintext when the server would ask for md5 or cleartext', async () => {
    const out = await probePostgresSession({
      host: '127.0.0.1', port: 1, database: 'x', user: 'u', password: 'p', requireTls: false, tlsOffered: false,
      trust: { caPem: null, serverName: '127.0.0.1', pinSha256: null },
      plaintextMethod: 'md5', connectTimeoutMs: 1000, queryTimeoutMs: 1000,
    });
    expect(out).toMatchObject({ status: 'skipped', reason: expect.stringContaining('only with SCRAM') });
  });
});

describe('targets that are down, hung or blackholed', () => {
  const base = { host: '127.0.0.1', port: 1, database: 'x', probeUser: 'u', probePassword: 'p' } as unknown as LabTarget;

  it('classifies refused, silent and blackholed targets distinctly, within the timeouts', async () => {
    const silent = net.createServer(() => {});
    await listenOnLowPort(silent);
    const hole = await startBlackholePort();
    try {
      const t0 = Date.now();
      const timeouts = { connectMs: 1_500, probeMs: 4_000 };
      const [refused, hung, blackholed] = await Promise.all([
        collectObservations(specFor(base, { caPem: null, timeouts })),
        collectObservations(specFor(base, { port: (silent.address() as net.AddressInfo).port, caPem: null, timeouts })),
        collectObservations(specFor(base, { port: hole.port, caPem: null, timeouts })),
      ]);
      const elapsed = Date.now() - t0;
      const cls = (o: typeof refused) => (o.reachability.status === 'ok' ? o.reachability.data.classification : o.reachability.status);
      expect(cls(refused)).toBe('refused');
      expect(cls(blackholed)).toBe('timeout');
      expect(cls(hung)).toBe('ok');
      // accepted TCP but never answered: the TLS probe reports it instead of hanging
      expect(hung.pgTls).toMatchObject({ status: 'error' });
      expect(elapsed).toBeLessThan(15_000);
    } finally {
      silent.close();
      hole.stop();
    }
  }, 30_000);
});

describe('posture scan (CLI)', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.resolve('dist/posture.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  const url = (t: LabTarget) => `postgresql://${t.probeUser}:${encodeURIComponent(t.probePassword)}@${t.host}:${t.port}/${t.database}`;

  it('--json prints one document of the documented shape, and exits 0', async () => {
    const t = fleet.targets.find((x) => x.posture === 'healthy')!;
    const r = await cli(['scan', url(t), '--ca', path.join(baseDir, 'ca.pem'), '--json', '--password-rotated-at', new Date().toISOString()]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['target', 'score', 'grade', 'scoreGrade', 'caps', 'checks', 'tls']);
    // the deep TLS enumeration: what the lab's healthy server accepts (TLS 1.2 and 1.3, its ssl_ciphers, server order)
    expect(doc.tls).toMatchObject({ protocols: ['TLSv1.2', 'TLSv1.3'], preferredOrder: true, compression: false, secureRenegotiation: true, complete: true });
    expect(doc.tls.cipherSuites['TLSv1.2']).toContain('ECDHE-RSA-AES256-GCM-SHA384');
    expect(doc.tls.cipherSuites['TLSv1.2']).not.toContain('DES-CBC3-SHA');
    expect(doc.tls.cipherSuites['TLSv1.3']).toEqual(expect.arrayContaining(['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256']));
    expect(doc.tls.groups).toContain('x25519');
    expect([doc.scoreGrade, doc.caps]).toEqual(['A+', []]);
    expect(doc.target).toBe(`${t.host}:${t.port}/${t.database}`);
    expect(doc.grade).toBe('A+');
    expect(Object.keys(doc.checks[0])).toEqual(['id', 'title', 'status', 'severity', 'evidence', 'remediation']);
    expect(doc.checks.map((c: { id: string }) => c.id)).toContain('cert.expiry');
    expect(r.stdout + r.stderr).not.toContain(t.probePassword);
  }, 60_000);

  it('says in one line what caps the grade, and --json carries caps and scoreGrade', async () => {
    const t = fleet.targets.find((x) => x.posture === 'tls10-allowed')!;
    const text = await cli(['scan', url(t), '--ca', path.join(baseDir, 'ca.pem'), '--fail-under', 'A-']);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/^Grade capped at B by pg\.tls\.min_version \(a failing high check\) \(score alone: (B\+|A[+-]?); the grading policy: docs\/grading\.md\)$/m);
    const json = JSON.parse((await cli(['scan', url(t), '--ca', path.join(baseDir, 'ca.pem'), '--json'])).stdout) as { grade: string; scoreGrade: string; caps: unknown[] };
    expect([json.grade, json.caps]).toEqual(['B', [{ rule: 'high-failed', maxGrade: 'B', checkIds: ['pg.tls.min_version'] }]]);
    expect(aboveB).toContain(json.scoreGrade);
  }, 60_000);

  it('--fail-under exits 2 below the grade, 0 at or above it', async () => {
    const expired = fleet.targets.find((x) => x.posture === 'cert-expired')!;
    const low = await cli(['scan', url(expired), '--ca', path.join(baseDir, 'ca.pem'), '--fail-under', 'B']);
    expect(low.code).toBe(2);
    expect(low.stdout).toContain('cert.expiry');
    expect(low.stdout + low.stderr).not.toContain(expired.probePassword);
    const ok = await cli(['scan', url(expired), '--ca', path.join(baseDir, 'ca.pem'), '--fail-under', 'F']);
    expect(ok.code).toBe(0);
  }, 60_000);

  it.each([
    [['scan'], 'give exactly one target'],
    [['scan', 'mysql://x@y/z'], 'must start with postgresql://'],
    [['scan', 'postgresql://u:secret-canary@h/db', '--fail-under', 'Z'], '--fail-under must be a grade'],
    [['scan', 'postgresql://u:secret-canary@h/db', '--timeout', 'soon'], '--timeout must be'],
    [['scan', 'postgresql://u:secret-canary@h/db', '--bogus'], 'unknown option --bogus'],
    [['frobnicate'], 'unknown command'],
  ])('usage error %j exits 1 with a clear message', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stdout + r.stderr).not.toContain('secret-canary');
  }, 30_000);
});
