import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { buildIfStale } from '../../scripts/lib/build-if-stale';
import { processTree, stillRunning, type ProcInfo } from '../support/process-tree';

// `npm run demo` and `npm start` as a user runs them, killed the ways the issue lists: SIGKILL to the group (a
// supervisor giving up), to the script's own process (the OOM killer), to npm alone, and SIGHUP (a lost terminal).
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'posture-killed-demo-'));
chmodSync(dataDir, 0o755); // as root, 'postgres' must enter it
const started: ProcInfo[] = [];
let ports: { web: number; store: number; catcher: number; lab: number[]; labBase: number };

/** The environment of a user's shell: none of vitest's store, keys or NODE_ENV. */
function userEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(?:VITEST|POSTURE_|NEXTAUTH_|DATABASE_URL$|NODE_ENV$|TEST$)/.test(k)) env[k] = v;
  return {
    ...(env as NodeJS.ProcessEnv),
    CI: 'true',
    POSTURE_DATA_DIR: dataDir,
    PORT: String(ports.web),
    POSTURE_STORE_PORT: String(ports.store),
    POSTURE_CATCHER_PORT: String(ports.catcher),
    POSTURE_LAB_PORT: String(ports.labBase),
  };
}

/** 34 consecutive free ports below 32768: web, store, catcher, then the lab at +10 (its PostgreSQL +0…12, Redis +20…23). */
async function reserveLayout() {
  for (let tries = 0; tries < 50; tries++) {
    const base = 15_000 + Math.floor(Math.random() * 16_000);
    const ok = await reservePorts(34, base).then(() => true, () => false);
    if (!ok) continue;
    const labBase = base + 10;
    const lab = [...Array.from({ length: 13 }, (_, i) => labBase + i), ...Array.from({ length: 4 }, (_, i) => labBase + 20 + i)];
    return { web: base, store: base + 1, catcher: base + 2, lab, labBase };
  }
  throw new Error('no 34 consecutive free ports found');
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EAFNOSUPPORT' || e.code === 'EADDRNOTAVAIL'));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}
/** Ports something still listens on (on any address: the wildcard bind collides with every listener). */
async function busyPorts(list: number[]): Promise<number[]> {
  const busy = await Promise.all(list.map(async (p) => ((await canListen(p, '::')) && (await canListen(p, '0.0.0.0')) ? null : p)));
  return busy.filter((p): p is number => p !== null);
}

interface Run {
  child: ChildProcess;
  out: () => string;
  exit: Promise<number | null>;
}

function npm(script: 'demo' | 'start'): Run {
  const child = spawn('npm', script === 'demo' ? ['run', 'demo'] : ['start'], { cwd: root, env: userEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, exit };
}

async function untilOutput(run: Run, text: string, timeoutMs: number): Promise<void> {
  await expect.poll(() => run.out().includes(text) || run.child.exitCode !== null, { timeout: timeoutMs, interval: 250 }).toBe(true);
  if (!run.out().includes(text)) throw new Error(`never printed "${text}":\n${run.out().slice(-3000)}`);
}

/** Every process below npm once the run is up: the ones it started, which must all be gone after it dies. */
function startedBy(run: Run): ProcInfo[] {
  const tree = processTree(run.child.pid!);
  started.push(...tree);
  return tree;
}

/** Within 15 s of the kill: nothing the run started is alive and no port it used is held. */
async function expectNothingLeft(tree: ProcInfo[], portList: number[]) {
  const deadline = Date.now() + 15_000;
  await expect.poll(() => stillRunning(tree).map((p) => `${p.pid} ${p.command.slice(0, 120)}`), { timeout: deadline - Date.now(), interval: 200 }).toEqual([]);
  await expect.poll(() => busyPorts(portList), { timeout: Math.max(1_000, deadline - Date.now()), interval: 200 }).toEqual([]);
  expect(Date.now()).toBeLessThanOrEqual(deadline + 1_000);
}

const allDemoPorts = () => [ports.web, ports.store, ports.catcher, ...ports.lab];
const demoNodeProcess = (tree: ProcInfo[]) => tree.find((p) => p.command.includes('scripts/demo.ts') && p.command.includes('loader.mjs'));

beforeAll(async () => {
  ports = await reserveLayout();
  await buildIfStale({ ...userEnv(), NODE_ENV: 'production' }); // once, so each demo below starts in seconds
}, 600_000);

afterAll(() => {
  for (const p of stillRunning(started)) process.kill(p.pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a killed demo leaves nothing behind', () => {
  it('SIGKILL to its process group, then to the demo process alone: everything it started ends within 15 s, the ports are free, the next demo starts cleanly', async () => {
    const first = npm('demo');
    await untilOutput(first, 'Posture is running', 180_000);
    const firstTree = startedBy(first);
    expect(firstTree.filter((p) => /postgres -D|redis-server|scripts\/web\.ts|smtp-catcher/.test(p.command)).length).toBeGreaterThanOrEqual(15);
    process.kill(-first.child.pid!, 'SIGKILL'); // npm, its sh, the tsx CLI and the demo; the servers are in groups of their own
    await expectNothingLeft(firstTree, allDemoPorts());

    const second = npm('demo');
    await untilOutput(second, 'Posture is running', 180_000);
    expect(second.out()).not.toMatch(/left running by a killed run|stale lock|EADDRINUSE|in use by pid/);
    const secondTree = startedBy(second);
    process.kill(demoNodeProcess(secondTree)!.pid, 'SIGKILL'); // what the OOM killer does
    await expectNothingLeft(secondTree, allDemoPorts());
  }, 420_000);

  it('SIGHUP to its group (the terminal closed) stops it like SIGTERM, within 10 s, saying what is still stopping', async () => {
    const run = npm('demo');
    await untilOutput(run, 'Posture is running', 180_000);
    expect(run.out()).not.toMatch(/left running by a killed run|stale lock/);
    const tree = startedBy(run);
    const hup = Date.now();
    process.kill(-run.child.pid!, 'SIGHUP');
    await expect.poll(() => stillRunning(tree).length, { timeout: 12_000, interval: 100 }).toBe(0);
    expect(Date.now() - hup).toBeLessThan(10_500);
    expect(run.out()).toMatch(/\[demo\] stopping …[\s\S]*\[demo\] stopped in \d+\.\d s/);
    expect(await busyPorts(allDemoPorts())).toEqual([]);
  }, 240_000);

  it('a port held by another process: the demo names that process and how to end it, and starts nothing', async () => {
    const holder = spawn(process.execPath, ['-e', `require('net').createServer().listen(${ports.web}, () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((r) => holder.stdout!.once('data', r));
      const run = npm('demo');
      expect(await run.exit).toBe(1);
      expect(run.out()).toContain(`[demo] Port ${ports.web} (the web server; PORT chooses another) is in use by pid ${holder.pid} (`);
      expect(run.out()).toContain(`node -e require('net').createServer().listen(${ports.web}`);
      expect(run.out()).toContain(`If it is left over from an earlier run, end it with: kill ${holder.pid}`);
      expect(await busyPorts([ports.store, ...ports.lab])).toEqual([]);
    } finally {
      holder.kill('SIGKILL');
    }
  }, 60_000);
});

describe('a killed `npm start` leaves nothing behind', () => {
  const startScript = (tree: ProcInfo[]) => tree.find((p) => p.command.includes('scripts/run-bundle.mjs start'))!.pid;
  it.each([
    ['npm alone (its sh and the script live on)', (_tree: ProcInfo[], run: Run) => run.child.pid!],
    ['the start script itself', (tree: ProcInfo[]) => startScript(tree)],
  ])('SIGKILL to %s: the web server and the store end within 15 s, the ports are free', async (_, victim) => {
    const run = npm('start');
    await untilOutput(run, '[web] serving on', 120_000);
    const tree = startedBy(run);
    expect(tree.some((p) => p.command.includes('dist/web.mjs'))).toBe(true);
    expect(tree.some((p) => p.command.includes(`-p ${ports.store} `))).toBe(true);
    process.kill(victim(tree, run), 'SIGKILL');
    await expectNothingLeft(tree, [ports.web, ports.store]);
  }, 180_000);
});
