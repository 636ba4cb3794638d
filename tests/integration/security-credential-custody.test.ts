import '../setup/store-env';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { AppError } from '../../lib/errors/app-error';
import { runScan } from '../../lib/scan/run-scan';
import { createTarget } from '../../lib/services/targets/create-target';
import { updateTarget } from '../../lib/services/targets/update-target';
import { pinTargetCertificate } from '../../lib/services/targets/pin-target-certificate';
import { importInventory } from '../../lib/services/inventory/import-inventory';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { systemContext } from '../../lib/services/service-context';
import { spkiSha256 } from '../../lib/probes/tls-trust';
import { createTestCa, issueServerCert, selfSignedServerCert } from '../../scripts/lab/lab-certificates';
import { startLabFleet, type LabFleet } from '../../scripts/lab/start-lab-fleet';
import { startRedisLab, type RedisLab } from '../../scripts/lab/start-redis-lab';
import { adminCtx, editorCtx, uniqueName } from '../setup/contexts';
import { callRoute } from '../support/call-route';
import { startCredentialTrap, type CredentialTrap } from '../support/credential-trap';
import { setCustodyPolicyForTest } from '../support/custody-policy-for-test';
import { startPgTlsRelay } from '../support/pg-tls-relay';

// Each attack of issue 14 (credential custody), as an editor or a hostile server would try it, against real servers:
// the lab PostgreSQL and Redis fleets and traps that speak the protocols to collect whatever a client sends.
const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-custody-'));
let fleet: LabFleet;
let redis: RedisLab;
const traps: CredentialTrap[] = [];
const ours: string[] = [];
let restoreCustody: () => Promise<void>;
const secret = (s: string) => [Buffer.from(s), Buffer.from(Buffer.from(s).toString('base64'))];
const ownVariables = ['POSTURE_ADMIN_PASSWORD', 'POSTURE_MASTER_KEY', 'NEXTAUTH_SECRET', 'DATABASE_URL'];

beforeAll(async () => {
  process.env.POSTURE_ADMIN_PASSWORD = 'admin-canary-Xy7!-never-sent';
  process.env.POSTURE_TARGET_LAB_REDIS = 'unused';
  restoreCustody = await setCustodyPolicyForTest({ envPrefixes: ['POSTURE_TARGET_'], secretNamespaces: ['databases'] });
  [fleet, redis] = await Promise.all([startLabFleet({ baseDir }), startRedisLab({ baseDir })]);
}, 120_000);

afterAll(async () => {
  await restoreCustody();
  await db.target.updateMany({ where: { id: { in: ours } }, data: { archivedAt: new Date() } });
  await Promise.all([...traps.map((t) => t.stop()), fleet?.stop(), redis?.stop()]);
  rmSync(baseDir, { recursive: true, force: true });
});

async function trap(protocol: 'redis' | 'postgres', cert = selfSignedServerCert({ commonName: 'localhost', altNames: ['127.0.0.1', 'localhost'] })) {
  const t = await startCredentialTrap({ protocol, cert });
  traps.push(t);
  return t;
}

async function scan(targetId: string) {
  const s = await db.scan.create({ data: { targetId, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('custody')}` } });
  await runScan(s.id);
  expect((await db.scan.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('succeeded');
  const states = await db.checkState.findMany({ where: { targetId } });
  return new Map(states.map((c) => [c.checkId, c]));
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const redisHealthy = () => redis.targets.find((t) => t.posture === 'redis-healthy')!;
const pgHealthy = () => fleet.targets.find((t) => t.posture === 'healthy')!;

async function storedRedisTarget() {
  const r = redisHealthy();
  const t = await createTarget(editorCtx, {
    name: uniqueName('custody-redis'), engine: 'redis', host: r.host, port: r.port, caPem: r.caPem, tags: r.tags,
    credential: { username: r.credential!.username, password: r.credential!.password },
  });
  ours.push(t.id);
  return t;
}

describe('credential references are under the admin’s control', () => {
  it.each(ownVariables)('passwordFromEnv %s is refused whatever the allow-list says, with a 400 naming the field', async (name) => {
    const undo = await setCustodyPolicyForTest({ envPrefixes: ['POSTURE_', 'NEXTAUTH_', 'DATABASE_'] });
    try {
      const before = await db.target.count();
      const err = await refusal(createTarget(editorCtx, { name: uniqueName('own-var'), engine: 'redis', host: '127.0.0.1', port: 6379, credential: { username: 'u', passwordFromEnv: name } }));
      expect(err.details).toEqual([{ path: 'credential.passwordFromEnv', message: expect.stringContaining("is one of Posture's own variables") }]);
      const token = (await createApiToken(systemContext('test'), { name: uniqueName('custody'), scopes: ['write'] })).token;
      const res = await callRoute({ method: 'POST', template: '/api/v1/databases', token, body: { name: uniqueName('own-var'), engine: 'redis', host: '127.0.0.1', port: 6379, credential: { username: 'u', passwordFromEnv: name } } });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('credential.passwordFromEnv');
      expect(await db.target.count()).toBe(before);
    } finally {
      await undo();
    }
  });

  it('only allow-listed prefixes, in the API, the credential route and the import (all or nothing, with the line)', async () => {
    const err = await refusal(createTarget(editorCtx, { name: uniqueName('prefix'), engine: 'redis', host: '127.0.0.1', port: 6379, credential: { username: 'u', passwordFromEnv: 'APP_DB_PASSWORD' } }));
    expect(err.details?.[0]?.message).toMatch(/APP_DB_PASSWORD is not allowed by the credential policy \(allowed: POSTURE_TARGET_\*/);
    const ok = await createTarget(editorCtx, { name: uniqueName('prefix'), engine: 'redis', host: '127.0.0.1', port: 6379, credential: { username: 'u', passwordFromEnv: 'POSTURE_TARGET_LAB_REDIS' } });
    ours.push(ok.id);
    expect(ok.credential).toMatchObject({ source: 'env', reference: 'POSTURE_TARGET_LAB_REDIS' });
    const token = (await createApiToken(systemContext('test'), { name: uniqueName('custody'), scopes: ['write'] })).token;
    const put = await callRoute({ method: 'PUT', template: '/api/v1/databases/{id}/credential', params: { id: ok.id }, token, body: { username: 'u', passwordFromEnv: 'POSTURE_MASTER_KEY' } });
    expect(put.status).toBe(400);
    const name = uniqueName('import-own');
    const yaml = `apiVersion: posture/v1\nkind: Inventory\ndatabases:\n  - name: ${name}\n    engine: redis\n    host: 127.0.0.1\n    credential: { username: u, passwordFromEnv: NEXTAUTH_SECRET }\n`;
    const imp = await refusal(importInventory(editorCtx, { yaml }));
    expect(imp.details).toEqual([expect.objectContaining({ path: 'document 1, line 7: databases[0].credential.passwordFromEnv', line: 7 })]);
    expect(await db.target.count({ where: { name } })).toBe(0);
  });

  it('passwordFromSecret only in allowed namespaces, the target’s own namespace included', async () => {
    const base = { name: uniqueName('secret-ns'), engine: 'postgresql' as const, host: '127.0.0.1', port: 5432 };
    const named = await refusal(createTarget(editorCtx, { ...base, credential: { username: 'u', passwordFromSecret: { namespace: 'kube-system', name: 'admin-token', key: 'token' } } }));
    expect(named.details).toEqual([{ path: 'credential.passwordFromSecret.namespace', message: expect.stringMatching(/namespace kube-system is not allowed/) }]);
    const implicit = await refusal(createTarget(editorCtx, { ...base, kubernetes: { namespace: 'payments' }, credential: { username: 'u', passwordFromSecret: { name: 'db', key: 'pw' } } }));
    expect(implicit.details?.[0]?.message).toMatch(/namespace payments is not allowed/);
    const ok = await createTarget(editorCtx, { ...base, kubernetes: { namespace: 'databases' }, credential: { username: 'u', passwordFromSecret: { name: 'db', key: 'pw' } } });
    ours.push(ok.id);
  });

  it('a stored reference the policy does not allow (an older row) is withheld at scan time: the trap gets no AUTH', async () => {
    // The attacker's listener even has a certificate the target trusts, so only the custody rule stands in the way.
    const ca = createTestCa({ commonName: 'attacker CA' });
    const t = await trap('redis', issueServerCert(ca, { commonName: 'localhost', altNames: ['127.0.0.1', 'localhost'] }));
    const target = await createTarget(editorCtx, { name: uniqueName('old-row'), engine: 'redis', host: '127.0.0.1', port: t.port, caPem: ca.certPem, tags: ['plaintext-port:1'] });
    ours.push(target.id);
    const cred = await db.credential.create({ data: { username: 'u', source: 'env', reference: 'POSTURE_ADMIN_PASSWORD' } });
    await db.target.update({ where: { id: target.id }, data: { credentialId: cred.id } });
    const states = await scan(target.id);
    expect(t.tlsConnections()).toBeGreaterThan(0);
    expect(t.received().includes(Buffer.from('AUTH'))).toBe(false);
    for (const form of secret(process.env.POSTURE_ADMIN_PASSWORD!)) expect(t.received().includes(form)).toBe(false);
    const aof = states.get('redis.default_user.disabled')!;
    expect(aof.status).toBe('error');
    expect(JSON.stringify(aof.evidence)).toMatch(/credential withheld: POSTURE_ADMIN_PASSWORD is one of Posture's own variables/);
  });
});

describe('a credential is bound to its endpoint', () => {
  it('moving a target (PATCH host and port, even with a CA that trusts the new server) drops its password: nothing reaches the trap', async () => {
    const target = await storedRedisTarget();
    const ca = createTestCa({ commonName: 'attacker CA' });
    const t = await trap('redis', issueServerCert(ca, { commonName: 'localhost', altNames: ['127.0.0.1', 'localhost'] }));
    const moved = await updateTarget(editorCtx, target.id, { host: '127.0.0.1', port: t.port, caPem: ca.certPem });
    expect(moved.credential).toBeNull();
    expect(await db.auditLog.findFirst({ where: { entityId: target.id, action: 'credential.unbind' } })).toMatchObject({ diff: { reason: 'endpoint changed', fields: ['port', 'caPem'] } });
    await scan(target.id);
    expect(t.received().includes(Buffer.from('AUTH'))).toBe(false);
    for (const form of secret(redisHealthy().credential!.password)) expect(t.received().includes(form)).toBe(false);
  });

  it.each([
    ['engine', { engine: 'postgresql' as const }],
    ['TLS server name', { tlsServerName: 'other.example' }],
    ['CA bundle', { caPem: null }],
  ])('changing the %s drops it too; a credential in the same request is kept', async (_what, patch) => {
    const target = await storedRedisTarget();
    expect((await updateTarget(editorCtx, target.id, { ownerTeam: 'cache' })).credential?.hasStoredSecret).toBe(true);
    expect((await updateTarget(editorCtx, target.id, patch)).credential).toBeNull();
    const again = await storedRedisTarget();
    const kept = await updateTarget(editorCtx, again.id, { ...patch, credential: { username: 'posture', password: 'typed-again-in-the-same-request' } });
    expect(kept.credential).toMatchObject({ username: 'posture', hasStoredSecret: true });
  });

  it('an import that moves a target drops its credential unless the entry names one', async () => {
    const target = await storedRedisTarget();
    const t = await trap('redis');
    const yaml = `apiVersion: posture/v1\nkind: Inventory\ndatabases:\n  - name: ${target.name}\n    engine: redis\n    host: 127.0.0.1\n    port: ${t.port}\n    tags: [${target.tags.join(', ')}]\n`;
    expect(await importInventory(editorCtx, { yaml })).toMatchObject({ updated: [target.name] });
    expect(await db.target.findUniqueOrThrow({ where: { id: target.id }, select: { credentialId: true } })).toEqual({ credentialId: null });
    await scan(target.id);
    expect(t.received().includes(Buffer.from('AUTH'))).toBe(false);
  });

  it('a sealed password copied onto another target’s row does not open there', async () => {
    const a = await storedRedisTarget();
    const b = await storedRedisTarget();
    const [ra, rb] = await Promise.all([a, b].map((t) => db.target.findUniqueOrThrow({ where: { id: t.id }, include: { credential: true } })));
    await db.credential.update({ where: { id: rb!.credentialId! }, data: { ciphertext: ra!.credential!.ciphertext, keyId: ra!.credential!.keyId } });
    const states = await scan(b.id);
    expect(JSON.stringify(states.get('redis.default_user.disabled')!.evidence)).toMatch(/credential withheld: the stored credential is not bound to this row and endpoint/);
  });
});

describe('credentials only go to a verified server', () => {
  it('PostgreSQL: a self-signed trap at the target’s address is offered TLS but never receives a StartupMessage', async () => {
    const cert = selfSignedServerCert({ commonName: 'localhost', altNames: ['127.0.0.1', 'localhost'] });
    const t = await trap('postgres', cert);
    const lab = pgHealthy();
    const target = await createTarget(editorCtx, {
      name: uniqueName('custody-pg-trap'), engine: 'postgresql', host: '127.0.0.1', port: t.port, database: lab.database, caPem: lab.caPem,
      credential: { username: lab.probeUser, password: lab.probePassword },
    });
    ours.push(target.id);
    const states = await scan(target.id);
    expect(t.tlsConnections()).toBeGreaterThan(0);
    expect(t.received().includes(Buffer.from(lab.probeUser))).toBe(false);
    for (const form of secret(lab.probePassword)) expect(t.received().includes(form)).toBe(false);
    const enc = states.get('pg.password.encryption')!;
    expect(enc.status).toBe('error');
    expect(enc.evidence).toMatchObject({ credentialWithheld: { reason: expect.stringMatching(/not verified against the target's CA bundle for 127\.0\.0\.1: it is self-signed/), spkiSha256: spkiSha256(Buffer.from(cert.certPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64')) } });

    // An admin trusting that key is a decision to send it the password; then the login goes ahead (and the trap asks for cleartext).
    await expect(pinTargetCertificate(editorCtx, target.id, { spkiSha256: (enc.evidence as { credentialWithheld: { spkiSha256: string } }).credentialWithheld.spkiSha256 })).rejects.toMatchObject({ code: 'forbidden' });
    await pinTargetCertificate(adminCtx, target.id, { spkiSha256: (enc.evidence as { credentialWithheld: { spkiSha256: string } }).credentialWithheld.spkiSha256 });
    await scan(target.id);
    expect(t.received().includes(Buffer.from(lab.probeUser))).toBe(true);
  });

  it('PostgreSQL: a self-signed lab server is logged in to once an admin pins its key, and only then', async () => {
    const lab = fleet.targets.find((x) => x.posture === 'self-signed')!;
    const target = await createTarget(editorCtx, { name: uniqueName('custody-pin'), engine: 'postgresql', host: lab.host, port: lab.port, database: lab.database, caPem: lab.caPem, credential: { username: lab.probeUser, password: lab.probePassword } });
    ours.push(target.id);
    const before = await scan(target.id);
    expect(before.get('pg.password.encryption')!.status).toBe('error');
    const pin = (before.get('pg.password.encryption')!.evidence as { credentialWithheld: { spkiSha256: string } }).credentialWithheld.spkiSha256;
    await pinTargetCertificate(adminCtx, target.id, { spkiSha256: pin });
    expect((await scan(target.id)).get('pg.password.encryption')!.status).toBe('pass');
    // Moving it drops the pin with the credential.
    expect(await updateTarget(editorCtx, target.id, { port: lab.port + 1 })).toMatchObject({ tlsPinSha256: null, credential: null });
  });

  it('PostgreSQL: a relay holding a certificate the target trusts cannot reuse the login, because SCRAM binds it to the TLS channel', async () => {
    const lab = pgHealthy();
    const ca = createTestCa({ commonName: 'mis-issuing CA' });
    const relay = await startPgTlsRelay({ upstreamPort: lab.port, cert: issueServerCert(ca, { commonName: 'localhost', altNames: ['127.0.0.1', 'localhost'] }) });
    try {
      const target = await createTarget(editorCtx, { name: uniqueName('custody-relay'), engine: 'postgresql', host: '127.0.0.1', port: relay.port, database: lab.database, caPem: ca.certPem, credential: { username: lab.probeUser, password: lab.probePassword } });
      ours.push(target.id);
      const states = await scan(target.id);
      expect(states.get('pg.password.encryption')!.status).toBe('error');
      expect(JSON.stringify(states.get('pg.password.encryption')!.evidence)).toMatch(/channel binding/i);
      // Straight to the server, the same credential logs in: the relay alone made it fail.
      const direct = await createTarget(editorCtx, { name: uniqueName('custody-direct'), engine: 'postgresql', host: '127.0.0.1', port: lab.port, database: lab.database, caPem: lab.caPem, credential: { username: lab.probeUser, password: lab.probePassword } });
      ours.push(direct.id);
      expect((await scan(direct.id)).get('pg.password.encryption')!.status).toBe('pass');
    } finally {
      await relay.stop();
    }
  });

  it('Redis: a self-signed trap answering NOAUTH gets no AUTH, and the login-based checks say the credential was withheld', async () => {
    // The target is configured right (the real CA, the real password); a server at that address is not the real one.
    const r = redisHealthy();
    const t = await trap('redis');
    const target = await createTarget(editorCtx, {
      name: uniqueName('custody-redis-mitm'), engine: 'redis', host: '127.0.0.1', port: t.port, caPem: r.caPem, tags: r.tags,
      credential: { username: r.credential!.username, password: r.credential!.password },
    });
    ours.push(target.id);
    const states = await scan(target.id);
    for (const form of secret(r.credential!.password)) expect(t.received().includes(form)).toBe(false);
    expect(t.received().includes(Buffer.from('PING'))).toBe(true);
    expect(t.received().includes(Buffer.from('AUTH'))).toBe(false);
    for (const id of ['redis.default_user.disabled', 'redis.commands.dangerous_restricted']) {
      expect(states.get(id), id).toMatchObject({ status: 'error', evidence: { credentialWithheld: { reason: expect.stringMatching(/it is self-signed/) } } });
    }
  });
});

describe('no arbitrary executables or paths', () => {
  const bin = () => path.join(baseDir, 'bin');

  /** A stand-in for pgBackRest that shows what it was given: it records its environment and prints a secret file to stderr. */
  function writeSpy(name: string): { command: string; envFile: string; marker: string } {
    mkdirSync(bin(), { recursive: true });
    const command = path.join(bin(), name);
    const envFile = path.join(bin(), `${name}.env`);
    const marker = path.join(bin(), `${name}.ran`);
    writeFileSync(command, `#!/bin/sh\ntouch ${marker}\nenv > ${envFile}\ncat /etc/passwd >&2\necho "ERROR: [055]: unable to load info file" >&2\nexit 55\n`, { mode: 0o755 });
    return { command, envFile, marker };
  }

  it('backup.command must be an allowed one, at save (service and import) — /bin/sh is refused', async () => {
    const base = { name: uniqueName('cmd'), engine: 'postgresql' as const, host: '127.0.0.1', port: 5432 };
    const err = await refusal(createTarget(editorCtx, { ...base, backup: { source: 'pgbackrest', stanza: 'main', command: '/bin/sh' } }));
    expect(err.details).toEqual([{ path: 'backup.command', message: expect.stringMatching(/\/bin\/sh is not an allowed backup command \(allowed: pgbackrest;/) }]);
    const ok = await createTarget(editorCtx, { ...base, backup: { source: 'pgbackrest', stanza: 'main' } });
    ours.push(ok.id);
    const yaml = `apiVersion: posture/v1\nkind: Inventory\ndatabases:\n  - name: ${uniqueName('cmd-import')}\n    engine: postgresql\n    host: 127.0.0.1\n    backup: { source: pgbackrest, stanza: main, command: /usr/bin/python3 }\n`;
    const imp = await refusal(importInventory(editorCtx, { yaml }));
    expect(imp.details?.[0]).toMatchObject({ path: 'document 1, line 7: databases[0].backup.command' });
    const conf = await refusal(createTarget(editorCtx, { ...base, name: uniqueName('conf'), backup: { source: 'pgbackrest', stanza: 'main', configPath: '/etc/shadow' } }));
    expect(conf.details?.[0]).toMatchObject({ path: 'backup.configPath', message: expect.stringMatching(/not under an allowed pgBackRest config folder/) });
  });

  it('an allowed command runs with a minimal environment, and only pgBackRest’s own error line reaches the evidence', async () => {
    const spy = writeSpy('fake-pgbackrest');
    const undo = await setCustodyPolicyForTest({ envPrefixes: ['POSTURE_TARGET_'], backupCommands: ['pgbackrest', spy.command] });
    try {
      const lab = pgHealthy();
      const target = await createTarget(editorCtx, { name: uniqueName('spy'), engine: 'postgresql', host: lab.host, port: lab.port, database: lab.database, caPem: lab.caPem, backup: { source: 'pgbackrest', stanza: 'main', command: spy.command } });
      ours.push(target.id);
      const fresh = (await scan(target.id)).get('backup.freshness')!;
      expect(fresh.status).toBe('error');
      expect((fresh.evidence as { message: string }).message).toBe('pgbackrest info failed (exit 55): ERROR: [055]: unable to load info file');
      expect(JSON.stringify(fresh.evidence)).not.toContain('root:');
      const env = readFileSync(spy.envFile, 'utf8');
      expect(env).toMatch(/^PATH=/m);
      for (const name of ['POSTURE_MASTER_KEY', 'DATABASE_URL', 'NEXTAUTH_SECRET', 'POSTURE_ADMIN_PASSWORD']) expect(env).not.toContain(name);
    } finally {
      await undo();
    }
  });

  it('a command the admin no longer allows is not run at the next scan', async () => {
    const spy = writeSpy('retired-pgbackrest');
    const undo = await setCustodyPolicyForTest({ backupCommands: ['pgbackrest', spy.command] });
    const target = await createTarget(editorCtx, { name: uniqueName('retired'), engine: 'postgresql', host: '127.0.0.1', port: pgHealthy().port, backup: { source: 'pgbackrest', stanza: 'main', command: spy.command } }).finally(undo);
    ours.push(target.id);
    const fresh = (await scan(target.id)).get('backup.freshness')!;
    expect(fresh).toMatchObject({ status: 'error', evidence: { message: expect.stringMatching(/^backup source refused by the custody policy: backup\.command/) } });
    expect(existsSync(spy.marker)).toBe(false);
  });

  it('dump folders must lie under an allowed folder, through their real path', async () => {
    const root = path.join(baseDir, 'dumps');
    mkdirSync(root, { recursive: true });
    symlinkSync('/etc', path.join(root, 'escape'));
    const undo = await setCustodyPolicyForTest({ dumpRoots: [root] });
    try {
      const base = { engine: 'postgresql' as const, host: '127.0.0.1', port: pgHealthy().port };
      const err = await refusal(createTarget(editorCtx, { ...base, name: uniqueName('dump'), backup: { source: 'dump-dir', dir: '/etc' } }));
      expect(err.details?.[0]).toMatchObject({ path: 'backup.dir', message: expect.stringMatching(/\/etc is not under an allowed dump folder/) });
      await expect(createTarget(editorCtx, { ...base, name: uniqueName('dump'), backup: { source: 'dump-dir', dir: `${root}/../../etc` } })).rejects.toMatchObject({
        name: 'ZodError',
        issues: [expect.objectContaining({ path: ['backup', 'dir'], message: expect.stringMatching(/without \. or \.\. segments/) })],
      });
      const linked = await createTarget(editorCtx, { ...base, name: uniqueName('dump-link'), backup: { source: 'dump-dir', dir: path.join(root, 'escape') } });
      ours.push(linked.id);
      const fresh = (await scan(linked.id)).get('backup.freshness')!;
      expect(fresh).toMatchObject({ status: 'error', evidence: { message: expect.stringMatching(/resolves to \/etc, outside the allowed folders/) } });
      expect(JSON.stringify(fresh.evidence)).not.toMatch(/passwd|shadow|hostname/);
    } finally {
      await undo();
    }
  });
});
