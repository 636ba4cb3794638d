import '../setup/store-env';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/lib/build-if-stale';
import { repoRoot } from '../../scripts/lib/paths';
import { waitForHttp } from '../../scripts/lib/run-process';
import { reservePorts } from '../../scripts/lab/reserve-ports';

/**
 * The production image's runtime stage, laid out on disk as deploy/Dockerfile lays it out (its COPY lines from the
 * build stage, and only the production dependencies), then run the way the image runs: node and the bundles, with
 * no tsx, TypeScript or esbuild to fall back on. Files are hard links, so staging costs no copying.
 */
const stage = mkdtempSync(path.join(os.tmpdir(), 'posture-image-'));
const children: ChildProcess[] = [];
let databaseUrl = '';
const database = `posture_image_${randomBytes(4).toString('hex')}`;

function link(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  execFileSync('cp', ['-al', from, to]);
}

function runtimeCopies(): { from: string; to: string }[] {
  const dockerfile = readFileSync(path.join(repoRoot, 'deploy/Dockerfile'), 'utf8');
  const runtime = dockerfile.split(/^FROM /m).at(-1)!;
  return [...runtime.matchAll(/^COPY --from=build (.+)$/gm)].flatMap((m) => {
    const parts = m[1]!.split(' ');
    const dest = parts.pop()!;
    return parts.map((src) => {
      const rel = path.relative('/app', src);
      return { from: path.join(repoRoot, rel), to: dest.endsWith('/') ? path.join(stage, path.basename(rel)) : path.join(stage, dest) };
    });
  });
}

/** What the prod-deps stage installs (`npm install --omit=dev`, then prune-dev-optional.mjs), from this checkout's node_modules. */
function linkProductionDependencies(): void {
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const done: string[] = [];
  for (const dir of listed.trim().split('\n').slice(1).sort()) {
    const rel = path.relative(repoRoot, dir);
    if (!rel.startsWith('node_modules') || done.some((d) => rel.startsWith(`${d}/`)) || !existsSync(dir)) continue;
    link(dir, path.join(stage, rel));
    done.push(rel);
  }
  execFileSync('cp', [path.join(repoRoot, 'package-lock.json'), stage]);
  execFileSync(process.execPath, [path.join(repoRoot, 'deploy/prune-dev-optional.mjs'), stage], { stdio: 'ignore' });
  rmSync(path.join(stage, 'package-lock.json'));
}

function start(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [path.join('dist', script), ...args], { cwd: stage, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (output += d.toString()));
  children.push(child);
  return Object.assign(child, { output: () => output });
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));
}

async function until(what: string, test: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await buildIfStale({ ...process.env, NODE_ENV: 'production' });
  for (const { from, to } of runtimeCopies()) link(from, to);
  rmSync(path.join(stage, '.next/cache'), { recursive: true, force: true });
  linkProductionDependencies();
  link(path.join(repoRoot, 'node_modules/@prisma/schema-engine-wasm'), path.join(stage, 'node_modules/@prisma/schema-engine-wasm'));
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
}, 900_000); // the first next build of a fresh clone may happen here

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(stage, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe('the runtime image, staged as deploy/Dockerfile lays it out', () => {
  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: stage,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    POSTURE_MASTER_KEY: process.env.POSTURE_MASTER_KEY,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  });

  it('holds no TypeScript toolchain and no TypeScript source', () => {
    for (const tool of ['tsx', 'typescript', 'esbuild', 'prisma']) expect(existsSync(path.join(stage, 'node_modules', tool)), tool).toBe(false);
    for (const dir of ['lib', 'app', 'tests']) expect(existsSync(path.join(stage, dir)), dir).toBe(false);
    expect(existsSync(path.join(stage, 'dist/start.mjs'))).toBe(true);
  });

  it('migrates a fresh store with dist/migrate.mjs, twice (the second finds nothing to do)', async () => {
    const first = start('migrate.mjs', ['deploy'], env());
    expect(await exited(first), first.output()).toBe(0);
    const again = start('migrate.mjs', ['deploy'], env());
    expect(await exited(again), again.output()).toBe(0);
    expect(again.output()).not.toMatch(/error/i);
  }, 120_000);

  it('scans with dist/posture.mjs and prints the JSON report', async () => {
    const store = new URL(process.env.DATABASE_URL!);
    const cli = start('posture.mjs', ['scan', `postgresql://${store.username}@${store.hostname}:${store.port}/${database}`, '--json'], env());
    expect(await exited(cli)).toBe(0);
    const report = JSON.parse(cli.output()) as { grade: string; checks: { id: string }[] };
    expect(report.checks.map((c) => c.id)).toContain('pg.tls.enabled');
    expect(report.grade).toMatch(/^[A-F][+-]?$/);
  }, 60_000);

  it('serves the app with dist/start.mjs (migrations, first admin, web server) and stops on SIGTERM', async () => {
    const [port] = await reservePorts(1);
    const web = start('start.mjs', [], { ...env(), PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, POSTURE_ADMIN_EMAIL: 'image@test.local', POSTURE_ADMIN_PASSWORD: randomBytes(12).toString('base64url') });
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, 90_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${web.output()}`);
    });
    const login = await fetch(`http://127.0.0.1:${port}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('Sign in');
    web.kill('SIGTERM');
    expect(await exited(web)).not.toBeNull();
  }, 150_000);

  it('runs the worker with dist/worker.mjs and stops it on SIGTERM', async () => {
    const worker = start('worker.mjs', [], env());
    await until('the worker to start', () => worker.output().includes('[worker] started'), 60_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${worker.output()}`);
    });
    worker.kill('SIGTERM');
    expect(await exited(worker), worker.output()).toBe(0);
  }, 90_000);
});
