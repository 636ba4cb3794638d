import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { openTls } from '../../lib/probes/open-tls';
import { runScan } from '../../lib/scan/run-scan';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, uniqueName } from '../setup/contexts';
import { RespConnection } from '../../lib/probes/resp-connection';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { ensureSystemPackage } from '../../scripts/lib/ensure-system-package';
import { createEngineCerts, type EngineCerts } from '../support/engine-certs';
import { caIssuedPathVerdicts, intermediateTlsVerdicts, opensslDefaultTlsVerdicts, selfSignedPathVerdicts } from '../support/served-path-verdicts';
import { intermediateCipherString, mozillaTlsProfiles } from '../../lib/checks/tls/mozilla-tls-profiles';
import { engineScanSpec, explain, scanEngine } from '../support/engine-scan-spec';
import { runPostureCli } from '../support/run-posture-cli';
import { portAccepts, startEngineServer, type EngineServer } from '../../scripts/lib/start-engine-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-redis-'));
const probePassword = 'probe-Secret-canary-9f3c1e-2b7d4a80c6e5'; // 40 characters: password.strength passes
const appPassword = 'app-secret-7d21';
const sharedPassword = 'shared-Secret-canary-51aa';
const servers: EngineServer[] = [];
let certs: EngineCerts;
/** healthy: TLS only; open: TLS (self-signed) + plaintext, no password; shared: TLS + plaintext, requirepass */
let ports: { healthy: number; healthyPlain: number; open: number; openPlain: number; shared: number; sharedPlain: number };

const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text, { mode: 0o600 });
  return path.join(dir, name);
};

async function startRedis(name: string, args: string[]): Promise<void> {
  const data = path.join(dir, name);
  mkdirSync(data);
  const port = Number(args[args.indexOf('--tls-port') + 1]);
  servers.push(await startEngineServer({ name: `redis ${name}`, cmd: '/usr/bin/redis-server', args: ['--bind', '127.0.0.1', '--dir', data, ...args], ready: () => portAccepts(port) }));
}

beforeAll(async () => {
  ensureSystemPackage('/usr/bin/redis-server', 'redis-server', 'the Redis engine tests start real Redis servers');
  certs = createEngineCerts();
  const [healthy, healthyPlain, open, openPlain, shared, sharedPlain] = await reservePorts(6);
  ports = { healthy: healthy!, healthyPlain: healthyPlain!, open: open!, openPlain: openPlain!, shared: shared!, sharedPlain: sharedPlain! };
  // Every file is written before any server starts: a rewrite while another server reads it fails that start.
  const caFile = file('ca.crt', certs.ca.certPem);
  const pairs = { server: certs.server, stranger: certs.stranger };
  for (const [tag, pair] of Object.entries(pairs)) {
    file(`${tag}.crt`, pair.certPem);
    file(`${tag}.key`, pair.keyPem);
  }
  const tls = (tag: keyof typeof pairs) => [
    '--tls-cert-file', path.join(dir, `${tag}.crt`), '--tls-key-file', path.join(dir, `${tag}.key`),
    '--tls-ca-cert-file', caFile, '--tls-auth-clients', 'no', '--save', '',
  ];
  // the healthy server follows Mozilla's intermediate profile, as tls.mozilla_profile's remediation says
  const intermediate = ['--tls-protocols', 'TLSv1.2 TLSv1.3', '--tls-ciphers', intermediateCipherString, '--tls-ciphersuites', mozillaTlsProfiles.intermediate.tls13Suites.join(':')];
  const acl = file(
    'users.acl',
    [
      'user default off',
      `user posture on >${probePassword} ~* &* -@all +ping +info +command|info +acl|whoami +acl|list +acl|getuser +acl|dryrun +config|get`,
      `user app on >${appPassword} ~app:* &* +@all -@dangerous`,
      '',
    ].join('\n'),
  );
  await Promise.all([
    startRedis('healthy', ['--port', '0', '--tls-port', String(ports.healthy), ...tls('server'), ...intermediate, '--aclfile', acl, '--appendonly', 'yes']),
    startRedis('open', ['--port', String(ports.openPlain), '--tls-port', String(ports.open), ...tls('stranger'), '--protected-mode', 'no', '--appendonly', 'no', '--enable-debug-command', 'yes']),
    startRedis('shared', [
      '--port', String(ports.sharedPlain), '--tls-port', String(ports.shared), ...tls('server'),
      '--requirepass', sharedPassword, '--appendonly', 'no', '--rename-command', 'FLUSHALL', '',
    ]),
  ]);
  // A key the scans must leave alone: the probe never runs FLUSHALL/FLUSHDB, only ACL DRYRUN.
  const s = await openTls({ host: '127.0.0.1', port: ports.open, connectTimeoutMs: 3_000 });
  const c = new RespConnection(s);
  expect(await c.command(['SET', 'canary', 'still-here'], 3_000)).toBe('OK');
  c.close();
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

const certPass = { 'cert.expiry': 'pass', 'cert.key_strength': 'pass', 'cert.signature': 'pass', 'cert.hostname': 'pass', 'cert.trusted': 'pass', ...caIssuedPathVerdicts };

describe('Redis probe against real redis-server 7', () => {
  it('starts each server quickly', () => {
    for (const s of servers) expect(s.startedMs, s.name).toBeLessThan(10_000);
  });

  it('a TLS-only Redis with ACL users, default off and AOF passes every check and grades A+', async () => {
    const spec = engineScanSpec('redis', ports.healthy, {
      caPem: certs.ca.certPem, username: 'posture', password: probePassword, passwordSource: 'posture', rotatedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      tags: ['store', `plaintext-port:${ports.healthyPlain}`],
    });
    const scan = await scanEngine(spec);
    expect(scan.statuses, explain(scan.results).join('\n')).toEqual({
      'target.reachable': 'pass',
      'password.age': 'pass',
      'password.strength': 'pass',
      ...certPass,
      ...intermediateTlsVerdicts,
      'redis.tls.enabled': 'pass',
      'redis.plaintext.closed': 'pass',
      'redis.auth.required': 'pass',
      'redis.default_user.disabled': 'pass',
      'redis.protected_mode': 'pass',
      'redis.commands.dangerous_restricted': 'pass',
      'redis.persistence.aof': 'pass',
    });
    expect(scan.grade.grade).toBe('A+');
    const r = scan.observations.redis;
    if (r?.status !== 'ok') throw new Error('redis probe failed');
    expect(r.data.whoami).toBe('posture');
    expect(r.data.users?.map((u) => [u.name, u.enabled])).toEqual([['app', true], ['default', false], ['posture', true]]);
    expect(r.data.grants.filter((g) => g.allowed !== false)).toEqual([]);
    expect(r.data.plaintext).toEqual([{ port: ports.healthyPlain, answer: 'refused', detail: expect.stringContaining('ECONNREFUSED') }]);
    // neither the password nor any ACL hash reaches the evidence
    const text = JSON.stringify(scan.observations) + JSON.stringify(scan.results);
    expect(text).not.toContain(probePassword);
    expect(text).not.toMatch(/#[0-9a-f]{64}/);
    // the cert.expiry evidence keeps the shape expiry alerts key on
    expect(scan.results.find((x) => x.id === 'cert.expiry')?.evidence).toMatchObject({ fingerprint256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/), earliestNotAfter: expect.any(String) });
  });

  it('an open Redis (plaintext port, no password, protected-mode no, no AOF, self-signed) fails what it should', async () => {
    const scan = await scanEngine(engineScanSpec('redis', ports.open, { caPem: certs.ca.certPem, tags: ['store', `plaintext-port:${ports.openPlain}`] }));
    expect(scan.statuses, explain(scan.results).join('\n')).toEqual({
      'target.reachable': 'pass',
      'password.age': 'skip',
      'password.strength': 'skip',
      'cert.expiry': 'pass',
      'cert.key_strength': 'pass',
      'cert.signature': 'pass',
      'cert.hostname': 'fail',
      'cert.trusted': 'fail',
      ...selfSignedPathVerdicts,
      ...opensslDefaultTlsVerdicts,
      'redis.tls.enabled': 'pass',
      'redis.plaintext.closed': 'fail',
      'redis.auth.required': 'fail',
      'redis.default_user.disabled': 'fail',
      'redis.protected_mode': 'fail',
      'redis.commands.dangerous_restricted': 'fail',
      'redis.persistence.aof': 'fail',
    });
    const dangerous = scan.results.find((x) => x.id === 'redis.commands.dangerous_restricted')!;
    expect(dangerous.summary).toBe('default may run FLUSHALL, FLUSHDB, CONFIG SET, DEBUG');
    // Redis answering without any password is no protection at all (docs/grading.md); the score alone is below 60 too
    expect(scan.grade.caps[0]).toEqual({ rule: 'no-protection', maxGrade: 'F', checkIds: ['redis.auth.required'] });
    expect(scan.grade.score).toBeLessThan(60);
    expect(scan.grade.grade).toBe('F');
    // the probe judged FLUSHALL with ACL DRYRUN only: the key written before the scan is still there
    const s = await openTls({ host: '127.0.0.1', port: ports.open, connectTimeoutMs: 3_000 });
    const c = new RespConnection(s);
    expect(await c.command(['GET', 'canary'], 3_000)).toBe('still-here');
    c.close();
  });

  it('the same Redis scanned on its plaintext port (redis://) fails TLS and has no certificate to judge', async () => {
    const scan = await scanEngine(engineScanSpec('redis', ports.openPlain, { tags: [`plaintext-port:${ports.openPlain}`] }));
    expect(scan.statuses['redis.tls.enabled']).toBe('fail');
    expect(scan.results.find((r) => r.id === 'redis.tls.enabled')?.summary).toMatch(/speaks plaintext Redis \(PING → PONG\)/);
    expect(scan.statuses['cert.expiry']).toBe('skip');
    expect(scan.statuses['redis.persistence.aof']).toBe('skip');
    // no password needed, so everything is still read unauthenticated over plaintext
    expect(scan.statuses['redis.default_user.disabled']).toBe('fail');
  });

  it('a requirepass Redis with a plaintext port: password logins in clear cap the grade at F; FLUSHALL renamed away', async () => {
    const scan = await scanEngine(
      engineScanSpec('redis', ports.shared, { caPem: certs.ca.certPem, password: sharedPassword, passwordSource: 'posture', tags: [`plaintext-port:${ports.sharedPlain}`] }),
    );
    expect(scan.statuses, explain(scan.results).join('\n')).toEqual({
      'target.reachable': 'pass',
      'password.age': 'skip',
      'password.strength': 'fail',
      ...certPass,
      ...opensslDefaultTlsVerdicts,
      'redis.tls.enabled': 'pass',
      'redis.plaintext.closed': 'fail',
      'redis.auth.required': 'pass',
      'redis.default_user.disabled': 'warn',
      'redis.protected_mode': 'pass',
      'redis.commands.dangerous_restricted': 'fail',
      'redis.persistence.aof': 'skip',
    });
    expect(scan.results.find((r) => r.id === 'redis.plaintext.closed')?.cap).toBe('F');
    expect(scan.grade.grade).toBe('F');
    const dangerous = scan.results.find((x) => x.id === 'redis.commands.dangerous_restricted')!;
    expect(dangerous.summary).toBe('default may run FLUSHDB, CONFIG SET');
    expect(dangerous.evidence.renamedOrRemoved).toEqual(['FLUSHALL']);

    // scanned on its plaintext port, the probe never sends the password there
    const plain = await scanEngine(engineScanSpec('redis', ports.sharedPlain, { password: sharedPassword, passwordSource: 'posture' }));
    const r = plain.observations.redis;
    expect(r).toMatchObject({ status: 'ok', data: { session: 'plaintext', login: 'not-over-plaintext' } });
    expect(plain.statuses['redis.default_user.disabled']).toBe('skip');
    expect(JSON.stringify(plain.observations)).not.toContain(sharedPassword);
  });

  it('PostgreSQL-only checks do not apply to Redis targets', async () => {
    const scan = await scanEngine(engineScanSpec('redis', ports.healthy, { caPem: certs.ca.certPem, username: 'posture', password: probePassword }));
    expect(scan.results.filter((r) => /^(pg|backup)\./.test(r.id))).toEqual([]);
  });

  it('a Redis credential is held to the rotation policy like a PostgreSQL one', async () => {
    const rotatedAt = new Date(Date.now() - 120 * 86_400_000).toISOString();
    const scan = await scanEngine(engineScanSpec('redis', ports.healthy, { caPem: certs.ca.certPem, username: 'posture', password: probePassword, passwordSource: 'posture', rotatedAt }));
    const age = scan.results.find((r) => r.id === 'password.age');
    expect(age).toMatchObject({ status: 'fail', summary: 'rotated 120 days ago (policy 90 days, from posture)', evidence: { source: 'posture', ageDays: 120, policyDays: 90 } });
    expect(scan.statuses['redis.auth.required']).toBe('pass');
  });
});

describe('posture scan rediss:// and redis:// (CLI)', () => {
  it('--json prints the same document shape as for PostgreSQL, grade A+, exit 0, without the password', async () => {
    const url = `rediss://posture:${probePassword}@127.0.0.1:${ports.healthy}`;
    const r = await runPostureCli(['scan', url, '--ca', path.join(dir, 'ca.crt'), '--json', '--store', '--plaintext-port', String(ports.healthyPlain)]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['target', 'score', 'grade', 'scoreGrade', 'caps', 'checks', 'tls']);
    expect(doc.target).toBe(`127.0.0.1:${ports.healthy} (redis)`);
    // Redis speaks TLS from the first byte: the enumeration reads it directly
    expect(doc.tls.protocols).toContain('TLSv1.3');
    expect(doc.tls.complete).toBe(true);
    expect(doc.grade).toBe('A+');
    expect(Object.keys(doc.checks[0])).toEqual(['id', 'title', 'status', 'severity', 'evidence', 'remediation']);
    expect(doc.checks.find((c: { id: string }) => c.id === 'redis.persistence.aof').status).toBe('pass');
    expect(r.stdout + r.stderr).not.toContain(probePassword);
  }, 60_000);

  it('a plaintext redis:// URL is scanned as it is: TLS fails, and --fail-under exits 2', async () => {
    const r = await runPostureCli(['scan', `redis://127.0.0.1:${ports.openPlain}`, '--fail-under', 'C']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/FAIL\s+critical\s+redis\.tls\.enabled/);
    expect(r.stderr).toContain('is below C');
  }, 60_000);
});

describe('a Redis target in the inventory, scanned by the worker pipeline (runScan)', () => {
  it('tags and credential reach the probe; check states and a grade are stored like any target', async () => {
    const t = await createTarget(editorCtx, {
      name: uniqueName('redis-store'),
      engine: 'redis',
      host: '127.0.0.1',
      port: ports.healthy,
      caPem: certs.ca.certPem,
      tags: ['store', `plaintext-port:${ports.healthyPlain}`],
      credential: { username: 'posture', password: probePassword },
    });
    try {
      const scan = await db.scan.create({ data: { targetId: t.id, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('redis')}` } });
      await runScan(scan.id);
      expect((await db.scan.findUniqueOrThrow({ where: { id: scan.id } })).status).toBe('succeeded');
      const states = await db.checkState.findMany({ where: { targetId: t.id } });
      const byId = Object.fromEntries(states.map((s) => [s.checkId, s.status]));
      expect(byId).toMatchObject({ 'redis.persistence.aof': 'pass', 'redis.plaintext.closed': 'pass', 'redis.default_user.disabled': 'pass', 'cert.expiry': 'pass' });
      expect(Object.keys(byId).filter((id) => id.startsWith('pg.'))).toEqual([]);
      const expiry = states.find((s) => s.checkId === 'cert.expiry')!.evidence as { fingerprint256: string };
      expect(expiry.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect((await db.gradeSnapshot.findFirst({ where: { targetId: t.id } }))?.grade).toBe('A+');
      expect(JSON.stringify(states)).not.toContain(probePassword);
    } finally {
      // archived targets leave the fleet and compliance views other test files read
      await db.target.update({ where: { id: t.id }, data: { archivedAt: new Date() } });
    }
  });
});
