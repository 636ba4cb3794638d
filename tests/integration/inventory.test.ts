import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isMap, isSeq, parseDocument } from 'yaml';
import { db } from '../../lib/db';
import { AppError } from '../../lib/errors/app-error';
import { openSecret } from '../../lib/crypto/envelope';
import { credentialBinding } from '../../lib/crypto/credential-binding';
import { envKeyring } from '../../lib/crypto/keyring';
import { importInventory } from '../../lib/services/inventory/import-inventory';
import { exportInventory } from '../../lib/services/inventory/export-inventory';
import { adminCtx, editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { setCustodyPolicyForTest } from '../support/custody-policy-for-test';

const header = 'apiVersion: posture/v1\nkind: Inventory\ndatabases:\n';

/** One `databases[]` entry as YAML lines; an override of null leaves that field out. */
function entry(name: string, overrides: Record<string, string | null> = {}): string {
  const fields: Record<string, string | null> = {
    engine: 'postgresql',
    host: `${name}.example.internal`,
    database: 'app_db',
    owner: '{ team: qa, email: qa@test.example }',
    tags: '[tier-2]',
    criticality: 'high',
    kubernetes: `{ namespace: qa, pvcNames: [${name}-pvc], passwordSecret: { name: ${name}-secret, key: password } }`,
    backup: '{ source: pgbackrest, stanza: main }',
    credential: '{ username: app_user, passwordFromEnv: QA_DB_PASSWORD }',
    ...overrides,
  };
  const lines = Object.entries(fields).flatMap(([k, v]) => (v === null ? [] : [`    ${k}: ${v}`]));
  return [`  - name: ${name}`, ...lines].join('\n') + '\n';
}

const file = (...entries: string[]) => header + entries.join('');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const countNamed = (names: string[]) => db.target.count({ where: { name: { in: names } } });

async function expectAppError(p: Promise<unknown>, code: string) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

let restoreCustody: () => Promise<void>;
beforeAll(async () => {
  restoreCustody = await setCustodyPolicyForTest({ envPrefixes: ['QA_', 'POSTURE_TARGET_'], secretNamespaces: ['qa', 'bakery-ia'], dumpRoots: ['/backups'] });
});
afterAll(() => restoreCustody());

/**
 * The exported file cut down to this test's entries: other files of the run leave targets (some written straight to
 * the store, some under a wider custody policy) that the policy here would rightly refuse on import.
 */
function onlyEntries(exported: string, names: string[]): string {
  const doc = parseDocument(exported);
  const databases = doc.get('databases');
  if (!isSeq(databases)) throw new Error('the export has no databases list');
  databases.items = databases.items.filter((item) => isMap(item) && names.includes(String(item.get('name'))));
  expect(databases.items).toHaveLength(names.length);
  return doc.toString();
}

/** An import failure with its located problems, not just the count. */
function withDetails(e: unknown): never {
  if (e instanceof AppError) throw new Error(`${e.message}: ${JSON.stringify(e.details)}`);
  throw e;
}

describe('inventory import/export against the real store', () => {
  it('imports examples/inventory.yaml: the 15 datastores of the bakery-ia fleet', async () => {
    const yaml = readFileSync(path.resolve(import.meta.dirname, '../../examples/inventory.yaml'), 'utf8');
    const summary = await importInventory(editorCtx, { yaml });
    const names = [...summary.created, ...summary.updated, ...summary.unchanged];
    expect(names).toHaveLength(15);
    expect(names).toEqual(expect.arrayContaining(['auth-db', 'alert-processor-db', 'redis']));
    expect(await countNamed(names)).toBe(15);

    const auth = await db.target.findUniqueOrThrow({ where: { name: 'auth-db' }, include: { credential: true } });
    expect(auth).toMatchObject({ engine: 'postgresql', port: 5432, host: 'auth-db-service.bakery-ia.svc.cluster.local', backupSource: 'dump_dir', backupConfig: { dir: '/backups' } });
    expect(auth.credential).toMatchObject({ username: 'auth_user', source: 'k8s_secret', reference: 'bakery-ia/auth-db-secret#password', ciphertext: null });
    const redis = await db.target.findUniqueOrThrow({ where: { name: 'redis' } });
    expect(redis).toMatchObject({ engine: 'redis', port: 6379, backupSource: null });
    expect(redis.k8s).toMatchObject({ namespace: 'bakery-ia', tlsSecret: { name: 'redis-tls' } });

    const again = await importInventory(editorCtx, { yaml });
    expect(again.unchanged).toHaveLength(15);
  });

  it('a file with one bad row imports nothing and names every error with its line and field', async () => {
    const [a, b, c] = [uniqueName('inv-ok'), uniqueName('inv-port'), uniqueName('inv-key')];
    const yaml = file(entry(a), entry(b, { port: '70000' }), entry(c, { colour: 'blue' }));
    const auditBefore = await db.auditLog.count();
    const err = await expectAppError(importInventory(editorCtx, { yaml }), 'bad_request');
    expect(err.message).toBe('The inventory file has 2 errors');
    const portLine = lineOf(yaml, 'port: 70000');
    expect(err.details).toEqual([
      { path: `document 1, line ${portLine}: databases[1].port`, message: 'must be a whole number from 1 to 65535', line: portLine, document: 1 },
      expect.objectContaining({ path: `document 1, line ${lineOf(yaml, 'colour: blue')}: databases[2].colour`, message: 'is not a known field' }),
    ]);
    expect(await countNamed([a, b, c])).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it('reports a YAML syntax error with its line and writes nothing', async () => {
    const a = uniqueName('inv-syntax');
    const yaml = file(entry(a, { service: 'payments: eu' }));
    const auditBefore = await db.auditLog.count();
    const err = await expectAppError(importInventory(editorCtx, { yaml }), 'bad_request');
    expect(err.details).toHaveLength(1);
    expect(err.details![0]).toMatchObject({ line: lineOf(yaml, 'payments: eu'), document: 1 });
    expect(err.details![0]!.message).toMatch(/^YAML syntax: /);
    expect(await countNamed([a])).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it('a syntax error in one document leaves the later ones checked, and the valid one between is not written', async () => {
    const [a, b, c] = [uniqueName('inv-doc1'), uniqueName('inv-doc2'), uniqueName('inv-doc3')];
    const yaml = [file(entry(a, { service: '"unclosed' })), file(entry(b)), file(entry(c, { engine: 'mysql' }))].join('---\n');
    const auditBefore = await db.auditLog.count();
    const err = await expectAppError(importInventory(editorCtx, { yaml }), 'bad_request');
    expect(err.details!.map((d) => [d.document, d.message])).toEqual([
      [1, expect.stringMatching(/^YAML syntax: /)],
      [3, 'must be one of postgresql, redis, rabbitmq, patroni, etcd, pgbackrest'],
    ]);
    expect(await countNamed([a, b, c])).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it('refuses a name used twice in the file, across documents, naming both lines', async () => {
    const [a, b] = [uniqueName('inv-dup'), uniqueName('inv-dup-other')];
    const yaml = file(entry(b), entry(a)) + '---\n' + file(entry(a, { port: '6543' }));
    const first = lineOf(yaml, `- name: ${a}`);
    const second = yaml.split('\n').findLastIndex((l) => l.includes(`- name: ${a}`)) + 1;
    const err = await expectAppError(importInventory(editorCtx, { yaml }), 'bad_request');
    expect(err.details).toEqual([
      expect.objectContaining({ path: `document 2, line ${second}: databases[0].name`, line: second, document: 2 }),
    ]);
    expect(err.details![0]!.message).toContain(`databases[1] (document 1, line ${first})`);
    expect(await countNamed([a, b])).toBe(0);
  });

  it('refuses a literal password unless allowed, then stores it encrypted and never exports it', async () => {
    const canary = `canary-${Date.now()}-Qx7!`;
    const a = uniqueName('inv-literal');
    const yaml = file(entry(a, { credential: `{ username: app_user, password: "${canary}" }` }));
    const err = await expectAppError(importInventory(editorCtx, { yaml }), 'bad_request');
    expect(err.details).toEqual([
      expect.objectContaining({ path: `document 1, line ${lineOf(yaml, canary)}: databases[0].credential.password` }),
    ]);
    expect(err.details![0]!.message).toContain('literal passwords are refused');
    expect(await countNamed([a])).toBe(0);

    expect(await importInventory(editorCtx, { yaml, allowLiteralPasswords: true })).toEqual({ created: [a], updated: [], unchanged: [] });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const raw = await client.query(`SELECT c.*, t.id AS "targetId" FROM "Credential" c JOIN "Target" t ON t."credentialId" = c.id WHERE t.name = $1`, [a]);
      const target = await db.target.findUniqueOrThrow({ where: { name: a } });
      const dump = JSON.stringify(raw.rows);
      expect(raw.rows).toHaveLength(1);
      expect(dump).not.toContain(canary);
      expect(dump).not.toContain(Buffer.from(canary).toString('base64'));
      expect(openSecret(envKeyring(), raw.rows[0].ciphertext, credentialBinding(target.id, target))).toBe(canary);
      const audit = await client.query(`SELECT diff::text FROM "AuditLog" WHERE action LIKE 'inventory.%'`);
      expect(JSON.stringify(audit.rows)).not.toContain(canary);
    } finally {
      await client.end();
    }
    // The same password again is sealed again, never compared: "unchanged" would confirm a guess of the stored one.
    expect((await importInventory(editorCtx, { yaml, allowLiteralPasswords: true })).updated).toEqual([a]);
    const exported = await exportInventory(adminCtx);
    expect(exported).not.toContain(canary);
    const block = exported.slice(exported.indexOf(`name: ${a}`));
    expect(block).toMatch(/username: app_user # password stored encrypted in Posture; not exported/);
  });

  it('a viewer cannot import, and nothing is written', async () => {
    const a = uniqueName('inv-viewer');
    const auditBefore = await db.auditLog.count();
    await expectAppError(importInventory(viewerCtx, { yaml: file(entry(a)) }), 'forbidden');
    expect(await countNamed([a])).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it('re-importing is a no-op; a changed or removed field is an update with an audited diff', async () => {
    const [a, b] = [uniqueName('inv-same'), uniqueName('inv-edit')];
    const yaml = file(entry(a), entry(b));
    expect(await importInventory(editorCtx, { yaml })).toEqual({ created: [a, b], updated: [], unchanged: [] });
    const ids = (await db.target.findMany({ where: { name: { in: [a, b] } }, orderBy: { name: 'asc' } })).map((t) => t.id);
    expect(await db.auditLog.count({ where: { entityId: { in: ids }, action: 'inventory.import.create' } })).toBe(2);

    const auditBefore = await db.auditLog.count();
    expect(await importInventory(editorCtx, { yaml })).toEqual({ created: [], updated: [], unchanged: [a, b] });
    expect(await db.auditLog.count()).toBe(auditBefore);

    const edited = file(entry(a), entry(b, { port: '6543', database: null, credential: '{ username: app_user, passwordFromEnv: QA_DB_PASSWORD_2 }' }));
    expect(await importInventory(editorCtx, { yaml: edited })).toEqual({ created: [], updated: [b], unchanged: [a] });
    const target = await db.target.findUniqueOrThrow({ where: { name: b }, include: { credential: true } });
    expect(target).toMatchObject({ port: 6543, database: null });
    expect(target.credential).toMatchObject({ source: 'env', reference: 'QA_DB_PASSWORD_2' });
    const rows = await db.auditLog.findMany({ orderBy: { id: 'desc' }, take: 3 });
    expect(rows.map((r) => r.action)).toEqual(['inventory.import', 'inventory.import.update', 'credential.replace']);
    expect(rows[1]).toMatchObject({ entityId: target.id, actor: 'user:editor@test.local' });
    expect(rows[1]!.diff).toEqual({ port: [5432, 6543], database: ['app_db', null] });
    expect(rows[2]).toMatchObject({ entityId: target.id, diff: { username: 'app_user', passwordSet: false, passwordFromEnv: 'QA_DB_PASSWORD_2' } });
    expect(rows[0]!.diff).toEqual({ created: 0, updated: 1, unchanged: 1 });
  });

  it('export then import changes nothing, across every kind of entry', async () => {
    const canary = `canary-${Date.now()}-Rt3#`;
    const [lit, sec, usr, arch, bare] = ['lit', 'sec', 'usr', 'arch', 'bare'].map((p) => uniqueName(`inv-rt-${p}`)) as [string, string, string, string, string];
    await importInventory(editorCtx, {
      allowLiteralPasswords: true,
      yaml: file(
        entry(lit, { credential: `{ username: app_user, password: "${canary}" }` }),
        entry(sec, { credential: '{ username: app_user, passwordFromSecret: { name: qa-secret, key: pw } }', backup: '{ source: cronjob, name: nightly-dump }' }),
        entry(usr, { credential: '{ username: only_user }', engine: 'redis', owner: '{ email: cache@test.example }', tags: null, database: null }),
        entry(arch, { archived: 'true' }),
        entry(bare, { owner: null, kubernetes: null, backup: null, credential: null, criticality: null }),
      ),
    });
    expect((await db.target.findUniqueOrThrow({ where: { name: usr } })).port).toBe(6379);

    const exported = await exportInventory(viewerCtx);
    expect(exported).not.toContain(canary);
    expect(exported).not.toContain(arch);
    const auditBefore = await db.auditLog.count();
    const summary = await importInventory(editorCtx, { yaml: onlyEntries(exported, [lit, sec, usr, bare]) }).catch(withDetails);
    expect(summary.created).toEqual([]);
    expect(summary.updated).toEqual([]);
    expect(summary.unchanged).toEqual(expect.arrayContaining([lit, sec, usr, bare]));
    expect(await db.auditLog.count()).toBe(auditBefore);

    const withArchived = await exportInventory(viewerCtx, { includeArchived: true });
    expect(withArchived).toContain(`name: ${arch}`);
    const again = await importInventory(editorCtx, { yaml: onlyEntries(withArchived, [lit, sec, usr, bare, arch]) }).catch(withDetails);
    expect([...again.created, ...again.updated]).toEqual([]);
    expect(again.unchanged).toContain(arch);
    expect(await db.auditLog.count()).toBe(auditBefore);
    expect((await db.target.findUniqueOrThrow({ where: { name: arch } })).archivedAt).not.toBeNull();
  });
});
