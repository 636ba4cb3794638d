import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeDumpDir } from '../../lib/probes/probe-dump-dir';
import { freePort } from '../support/free-port';
import { probeK8sCronJob } from '../../lib/probes/probe-k8s-cronjob';
import { probePgBackRest } from '../../lib/probes/probe-pgbackrest';
import { startEmbeddedPostgres, type EmbeddedStore } from '../../lib/store/start-embedded-postgres';
import { postgresUser } from '../../lib/store/postgres-user';
import { ensurePgBackRest } from '../support/ensure-pgbackrest';
import { startFakeKubeApi, writeKubeconfig, type FakeKubeApi } from '../support/fake-kube-api';
import { fixtureNamespace as ns, kubeFixtures } from '../support/kube-fixtures';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const minutesAgo = (iso: string | null | undefined) => (iso ? (Date.now() - Date.parse(iso)) / 60_000 : Infinity);

describe('probePgBackRest (real pgBackRest 2.45 and PostgreSQL 15)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-pgbr-'));
  const conf = { plain: path.join(dir, 'plain.conf'), encrypted: path.join(dir, 'encrypted.conf') };
  let pgbackrest = '';
  let pg: EmbeddedStore | null = null;

  // pgBackRest must run as the OS user that runs PostgreSQL: 'postgres' when we are root.
  const asPg = (args: string[]) =>
    isRoot ? run('runuser', ['-u', 'postgres', '--', pgbackrest, ...args], { timeout: 120_000 }) : run(pgbackrest, args, { timeout: 120_000 });

  beforeAll(async () => {
    pgbackrest = ensurePgBackRest();
    chmodSync(dir, 0o755);
    const owner = isRoot ? postgresUser() : null;
    const own = (p: string) => owner && chownSync(p, owner.uid, owner.gid);
    for (const d of ['sock', 'lock', 'log', 'repo-plain', 'repo-encrypted']) {
      mkdirSync(path.join(dir, d), { mode: 0o700 });
      own(path.join(dir, d));
    }
    const port = await freePort();
    const config = (repo: string, cipher: string) =>
      [
        '[global]',
        `repo1-path=${path.join(dir, repo)}`,
        cipher,
        'repo1-retention-full=2',
        `lock-path=${path.join(dir, 'lock')}`,
        `log-path=${path.join(dir, 'log')}`,
        'log-level-file=off',
        'log-level-console=warn',
        'start-fast=y',
        'compress-type=lz4',
        '',
        '[test]',
        `pg1-path=${path.join(dir, 'pg')}`,
        `pg1-port=${port}`,
        `pg1-socket-path=${path.join(dir, 'sock')}`,
        'pg1-user=posture',
        '',
      ].join('\n');
    writeFileSync(conf.plain, config('repo-plain', ''), { mode: 0o600 });
    writeFileSync(conf.encrypted, config('repo-encrypted', 'repo1-cipher-type=aes-256-cbc\nrepo1-cipher-pass=test-cipher-pass-0123456789'), { mode: 0o600 });
    own(conf.plain);
    own(conf.encrypted);

    const push = (c: string) => `${pgbackrest} --config=${c} --stanza=test archive-push %p`;
    pg = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      port,
      password: 'pgbr-test-pw',
      // pgBackRest 2.45 (Debian 12) reads PostgreSQL up to 15; the store's 18 is too new for it.
      binariesPackage: 'embedded-postgres-15',
      settings: { unix_socket_directories: path.join(dir, 'sock'), archive_mode: 'on', archive_command: `${push(conf.plain)} && ${push(conf.encrypted)}` },
      // pgBackRest talks to PostgreSQL over the unix socket, inside a folder only 'postgres' can enter.
      configure: (dataDir) => writeFileSync(path.join(dataDir, 'pg_hba.conf'), 'local all posture trust\nhost all all 127.0.0.1/32 scram-sha-256\n'),
    });
    await asPg([`--config=${conf.plain}`, '--stanza=test', 'stanza-create']);
    await asPg([`--config=${conf.encrypted}`, '--stanza=test', 'stanza-create']);
  }, 240_000);

  afterAll(async () => {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a stanza without backups, and a stanza never created, as no backup (not an error)', async () => {
    const empty = await probePgBackRest({ stanza: 'test', configPath: conf.encrypted, command: pgbackrest });
    expect(empty).toEqual({
      status: 'ok',
      data: expect.objectContaining({ source: 'pgbackrest', newestSuccessAt: null, ageHours: null, policyHours: 26, encrypted: true }),
    });
    expect(empty.status === 'ok' && empty.data.detail).toMatchObject({ statusCode: 2, status: 'no valid backups', cipher: 'aes-256-cbc', backups: 0 });

    const missing = await probePgBackRest({ stanza: 'nope', configPath: conf.plain, command: pgbackrest });
    expect(missing.status === 'ok' && missing.data).toMatchObject({ newestSuccessAt: null, detail: { statusCode: 1, status: 'missing stanza path' } });
  });

  it('reads the newest full backup and whether its repository is encrypted', async () => {
    await asPg([`--config=${conf.plain}`, '--stanza=test', '--type=full', 'backup']);
    await asPg([`--config=${conf.encrypted}`, '--stanza=test', '--type=full', 'backup']);

    const plain = await probePgBackRest({ stanza: 'test', configPath: conf.plain, command: pgbackrest, policyHours: 24, signal: AbortSignal.timeout(20_000) });
    expect(plain.status).toBe('ok');
    if (plain.status !== 'ok') return;
    expect(minutesAgo(plain.data.newestSuccessAt)).toBeLessThan(5);
    expect(plain.data).toMatchObject({ encrypted: false, policyHours: 24, detail: { statusCode: 0, status: 'ok', cipher: 'none', backups: 1, newestType: 'full' } });
    expect(plain.data.ageHours).toBeLessThan(0.1);

    const encrypted = await probePgBackRest({ stanza: 'test', configPath: conf.encrypted, command: pgbackrest });
    expect(encrypted.status === 'ok' && minutesAgo(encrypted.data.newestSuccessAt)).toBeLessThan(5);
    expect(encrypted.status === 'ok' && encrypted.data).toMatchObject({ encrypted: true, detail: { cipher: 'aes-256-cbc', backups: 1 } });
  });

  it('is an error when the command is missing or the repository cannot be read', async () => {
    expect(await probePgBackRest({ stanza: 'test', configPath: conf.plain, command: '/nonexistent/pgbackrest' })).toEqual({
      status: 'error',
      message: expect.stringMatching(/pgBackRest command not found: \/nonexistent\/pgbackrest .*Debian package pgbackrest/),
    });
    const noPass = path.join(dir, 'no-pass.conf');
    writeFileSync(noPass, `[global]\nrepo1-path=${path.join(dir, 'repo-encrypted')}\nrepo1-cipher-type=aes-256-cbc\nlog-level-file=off\n`);
    expect(await probePgBackRest({ stanza: 'test', configPath: noPass, command: pgbackrest })).toEqual({
      status: 'error',
      message: expect.stringMatching(/exit 37.*requires option: repo1-cipher-pass/),
    });
  });
});

describe('probeDumpDir', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-dumps-'));
  const now = new Date('2025-11-05T12:00:00Z');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const touch = (...names: string[]) => names.forEach((n) => writeFileSync(path.join(dir, n), ''));

  it('finds the newest dump by the timestamp in its name, across the supported forms', async () => {
    touch(
      'prod_auth_20251101_030000.sql.gz.gpg',
      'prod_auth_20251104T030000Z.sql.gz.gpg',
      'prod_auth_2025-11-03T03:00:00Z.sql.gz.gpg',
      'prod_billing_2025-11-05T06:00:00+01:00.sql.gz',
      'prod_auth_20251231_999999.sql.gz', // not a time: ignored
      'README.txt',
    );
    const all = await probeDumpDir({ dir, now });
    expect(all).toEqual({
      status: 'ok',
      data: {
        source: 'dump-dir',
        newestSuccessAt: '2025-11-05T05:00:00.000Z',
        ageHours: 7,
        policyHours: 26,
        encrypted: false,
        detail: { dir, database: null, dumps: 4, newestFile: 'prod_billing_2025-11-05T06:00:00+01:00.sql.gz', unmatchedFiles: 2 },
      },
    });
    const auth = await probeDumpDir({ dir, database: 'auth', now, policyHours: 48 });
    expect(auth.status === 'ok' && auth.data).toMatchObject({ newestSuccessAt: '2025-11-04T03:00:00.000Z', ageHours: 33, policyHours: 48, encrypted: true });
  });

  it('reports no backup when no file matches the database', async () => {
    const out = await probeDumpDir({ dir, database: 'orders', now });
    expect(out.status === 'ok' && out.data).toMatchObject({ newestSuccessAt: null, ageHours: null, encrypted: null, detail: { dumps: 0 } });
  });

  it('is an error when the directory is missing or not a directory', async () => {
    expect(await probeDumpDir({ dir: path.join(dir, 'missing') })).toEqual({ status: 'error', message: `dump directory ${path.join(dir, 'missing')} does not exist` });
    expect(await probeDumpDir({ dir: path.join(dir, 'README.txt') })).toEqual({ status: 'error', message: `${path.join(dir, 'README.txt')} is not a directory` });
  });
});

describe('probeK8sCronJob (real @kubernetes/client-node against a fake API server)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-cron-'));
  const lastSuccess = new Date(Math.floor((Date.now() - 3 * 3_600_000) / 1000) * 1000); // the API has whole seconds
  let api: FakeKubeApi;
  let kubeconfigPath: string;
  beforeAll(async () => {
    api = await startFakeKubeApi(kubeFixtures({ cronJobLastSuccess: lastSuccess, secretPassword: 'x' }));
    kubeconfigPath = writeKubeconfig(path.join(dir, 'kubeconfig'), { server: api.url, caPem: api.caPem, token: api.token, context: 'lab' });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the CronJob's last successful time; encryption cannot be told", async () => {
    const out = await probeK8sCronJob({ cronJob: { name: 'auth-db-backup' }, defaultNamespace: ns, kube: { kubeconfigPath }, signal: AbortSignal.timeout(5000) });
    expect(out.status === 'ok' && out.data).toMatchObject({
      source: 'cronjob',
      newestSuccessAt: lastSuccess.toISOString(),
      encrypted: null,
      policyHours: 26,
      detail: { cronJob: `${ns}/auth-db-backup`, schedule: '0 3 * * *', suspended: false, activeJobs: 0 },
    });
    expect(out.status === 'ok' && out.data.ageHours).toBeCloseTo(3, 1);
  });

  it('reports a CronJob that never succeeded as no backup, and a missing one as an error', async () => {
    const never = await probeK8sCronJob({ cronJob: { namespace: ns, name: 'never-succeeded' }, kube: { kubeconfigPath } });
    expect(never.status === 'ok' && never.data).toMatchObject({ newestSuccessAt: null, ageHours: null });
    expect(await probeK8sCronJob({ cronJob: { namespace: ns, name: 'gone' }, kube: { kubeconfigPath } })).toEqual({
      status: 'error',
      message: `CronJob ${ns}/gone: Kubernetes API answered 404 Not Found: cronjobs "gone" not found`,
    });
    expect(await probeK8sCronJob({ cronJob: { name: 'x' }, kube: { kubeconfigPath } })).toMatchObject({ status: 'error', message: expect.stringMatching(/names no namespace/) });
  });
});
