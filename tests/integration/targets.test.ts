import { describe, expect, it, onTestFinished } from 'vitest';
import { setCustodyPolicyForTest } from '../support/custody-policy-for-test';
import pg from 'pg';
import tls from 'node:tls';
import { db } from '../../lib/db';
import { AppError } from '../../lib/errors/app-error';
import { createTarget } from '../../lib/services/targets/create-target';
import { updateTarget } from '../../lib/services/targets/update-target';
import { deleteTarget } from '../../lib/services/targets/delete-target';
import { getTarget } from '../../lib/services/targets/get-target';
import { listTargets } from '../../lib/services/targets/list-targets';
import { setTargetCredential } from '../../lib/services/targets/set-target-credential';
import { setTargetArchived } from '../../lib/services/targets/set-target-archived';
import { openSecret } from '../../lib/crypto/envelope';
import { credentialBinding } from '../../lib/crypto/credential-binding';
import { envKeyring } from '../../lib/crypto/keyring';
import { adminCtx, editorCtx, uniqueName, viewerCtx } from '../setup/contexts';

const base = (name: string) => ({ name, engine: 'postgresql' as const, host: 'auth-db.example.internal', port: 5432, database: 'auth_db', environment: 'production', tags: ['pii'] });

async function expectAppError(p: Promise<unknown>, code: string) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

describe('target services against the real store', () => {
  it('create, update and delete each write one audit row', async () => {
    const name = uniqueName('audit');
    const t = await createTarget(editorCtx, base(name));
    expect(t.name).toBe(name);
    await updateTarget(editorCtx, t.id, { port: 6543, ownerTeam: 'identity' });
    await deleteTarget(adminCtx, t.id);
    const rows = await db.auditLog.findMany({ where: { entityId: t.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['target.create', 'target.update', 'target.delete']);
    expect(rows[0]!.actor).toBe('user:editor@test.local');
    expect(rows[1]!.diff).toEqual({ port: [5432, 6543], ownerTeam: [null, 'identity'] });
    await expectAppError(getTarget(adminCtx, t.id), 'not_found');
  });

  it('a duplicate name is a conflict and writes nothing', async () => {
    const name = uniqueName('dup');
    await createTarget(editorCtx, base(name));
    const auditBefore = await db.auditLog.count();
    const credsBefore = await db.credential.count();
    const err = await expectAppError(
      createTarget(editorCtx, { ...base(name), credential: { username: 'u', password: 'would-be-orphaned' } }),
      'conflict',
    );
    expect(err.details?.[0]?.path).toBe('name');
    expect(await db.target.count({ where: { name } })).toBe(1);
    expect(await db.auditLog.count()).toBe(auditBefore);
    expect(await db.credential.count()).toBe(credsBefore);
  });

  it('a viewer cannot mutate anything', async () => {
    const t = await createTarget(editorCtx, base(uniqueName('ro')));
    await expectAppError(createTarget(viewerCtx, base(uniqueName('ro2'))), 'forbidden');
    await expectAppError(updateTarget(viewerCtx, t.id, { port: 1 }), 'forbidden');
    await expectAppError(deleteTarget(viewerCtx, t.id), 'forbidden');
    await expectAppError(setTargetArchived(viewerCtx, t.id, { archived: true }), 'forbidden');
    await expectAppError(setTargetCredential(viewerCtx, t.id, { username: 'x', password: 'y' }), 'forbidden');
    expect((await getTarget(viewerCtx, t.id)).port).toBe(5432);
  });

  it('bad input names the field and writes nothing (the API maps this ZodError to 400)', async () => {
    const name = uniqueName('bad');
    const raw = await createTarget(editorCtx, { ...base(name), port: 70000, host: 'not a host!' }).then(() => null, (e: unknown) => e);
    expect(raw).toBeTruthy();
    const paths = (raw as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['port', 'host']));
    expect(await db.target.count({ where: { name } })).toBe(0);
  });

  it('stores the credential encrypted: the raw column holds no plaintext and no response returns it', async () => {
    const canary = `canary-${Date.now()}-Zq9!`;
    const t = await createTarget(editorCtx, { ...base(uniqueName('cred')), credential: { username: 'auth_user', password: canary } });
    expect(JSON.stringify(t)).not.toContain(canary);
    expect(t.credential).toMatchObject({ username: 'auth_user', source: 'manual', hasStoredSecret: true });

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const raw = await client.query(`SELECT c.* FROM "Credential" c JOIN "Target" t ON t."credentialId" = c.id WHERE t.id = $1`, [t.id]);
      const dump = JSON.stringify(raw.rows);
      expect(dump).not.toContain(canary);
      expect(dump).not.toContain(Buffer.from(canary).toString('base64'));
      expect(openSecret(envKeyring(), raw.rows[0].ciphertext, credentialBinding(t.id, t))).toBe(canary);
      const audit = await client.query(`SELECT diff::text FROM "AuditLog" WHERE "entityId" = $1`, [t.id]);
      expect(JSON.stringify(audit.rows)).not.toContain(canary);
    } finally {
      await client.end();
    }

    const replaced = await setTargetCredential(editorCtx, t.id, { username: 'auth_user', password: canary + '-2' });
    expect(JSON.stringify(replaced)).not.toContain(canary);
    expect(replaced.credential?.rotatedAt).not.toBeNull();
  });

  it('lists with search, filters, sorting and pagination on the server', async () => {
    const team = uniqueName('team');
    for (const [i, env] of ['staging', 'production', 'production'].entries()) {
      await createTarget(editorCtx, { ...base(`${team}-db${i}`), environment: env, ownerTeam: team, engine: i === 2 ? 'redis' : 'postgresql', port: 6379 });
    }
    const all = await listTargets(viewerCtx, { team, sort: 'name', dir: 'desc' });
    expect(all.total).toBe(3);
    expect(all.items.map((t) => t.name)).toEqual([`${team}-db2`, `${team}-db1`, `${team}-db0`]);
    expect((await listTargets(viewerCtx, { team, environment: 'production', engine: 'postgresql' })).items.map((t) => t.name)).toEqual([`${team}-db1`]);
    const page2 = await listTargets(viewerCtx, { team, pageSize: 2, page: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await listTargets(viewerCtx, { q: `${team}-DB0` })).total).toBe(1);
    expect(all.facets.teams).toContain(team);
    await setTargetArchived(editorCtx, all.items[0]!.id, { archived: true });
    expect((await listTargets(viewerCtx, { team })).total).toBe(2);
    expect((await listTargets(viewerCtx, { team, archived: 'true' })).total).toBe(1);
  });
});

describe('clearing optional JSON fields', () => {
  it('an update with kubernetes: null and backup: null clears them', async () => {
    const undo = await setCustodyPolicyForTest({ dumpRoots: ['/backups'] });
    onTestFinished(undo);
    const t = await createTarget(editorCtx, {
      ...base(uniqueName('clear')),
      ownerTeam: 'identity',
      kubernetes: { namespace: 'bakery-ia', pvcNames: ['x-pvc'] },
      backup: { source: 'dump-dir', dir: '/backups' },
    });
    expect(t.kubernetes?.namespace).toBe('bakery-ia');
    expect(t.backup).toEqual({ source: 'dump-dir', dir: '/backups' });
    const cleared = await updateTarget(editorCtx, t.id, { kubernetes: null, backup: null, ownerTeam: '', database: '' });
    expect(cleared.ownerTeam).toBeNull();
    expect(cleared.database).toBeNull();
    expect(cleared.kubernetes).toBeNull();
    expect(cleared.backup).toBeNull();
  });
});

describe('probe settings on a target', () => {
  it('only an admin may allow plaintext SCRAM logins; a CA bundle must be PEM', async () => {
    const t = await createTarget(editorCtx, base(uniqueName('plain')));
    await expectAppError(updateTarget(editorCtx, t.id, { allowPlaintextLogin: true }), 'forbidden');
    expect((await updateTarget(adminCtx, t.id, { allowPlaintextLogin: true })).allowPlaintextLogin).toBe(true);
    const bad = await updateTarget(editorCtx, t.id, { caPem: 'not a certificate' }).then(() => null, (e: unknown) => e);
    expect((bad as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['caPem']);
    const fake = await updateTarget(editorCtx, t.id, { caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }).then(() => null, (e: unknown) => e);
    expect((fake as { issues: { path: string[]; message: string }[] }).issues[0]).toMatchObject({ path: ['caPem'], message: 'certificate 1 is not a valid X.509 certificate' });
    const pem = tls.rootCertificates[0]!;
    const updated = await updateTarget(editorCtx, t.id, { caPem: pem, passwordMaxAgeDays: 30, backupMaxAgeHours: 48 });
    expect(updated).toMatchObject({ caPem: pem + '\n', passwordMaxAgeDays: 30, backupMaxAgeHours: 48 });
  });
});
