import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../lib/store/start-embedded-postgres';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { serverProcessArgs } from '../../scripts/lib/server-process-args';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-store-'));
chmodSync(dir, 0o755);
const opts = { dataDir: path.join(dir, 'pg'), port: (await reservePorts(1))[0]!, password: 'store-test-pw', database: 'lifecycle' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('embedded store lifecycle', () => {
  it('keeps data across restarts and refuses a second server on the same data', async () => {
    const first = await startEmbeddedPostgres(opts);
    await query(first.url, 'CREATE TABLE keep (v text); INSERT INTO keep VALUES (\'kept\')');
    await expect(startEmbeddedPostgres(opts)).rejects.toThrow(/already running .*kill -INT \d+/s);
    await first.stop();

    const second = await startEmbeddedPostgres(opts);
    expect(await query(second.url, 'SELECT v FROM keep')).toEqual([{ v: 'kept' }]);
    await second.stop();
  });

  it('removes a dead postmaster.pid left by a crash and starts', async () => {
    writeFileSync(path.join(opts.dataDir, 'postmaster.pid'), '999999\n/does/not/matter\n');
    const s = await startEmbeddedPostgres(opts);
    expect(await query(s.url, 'SELECT v FROM keep')).toEqual([{ v: 'kept' }]);
    await s.stop();
  });

  /** Runs `script` (ESM, tsx) as a child that prints "ready <pid>" once its server is up; resolves with that pid. */
  async function childWithServer(script: string): Promise<{ child: ReturnType<typeof spawn>; pid: number }> {
    const child = spawn(process.execPath, [...serverProcessArgs, '--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => {
        const m = /ready (\d+)/.exec(b.toString());
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    return { child, pid };
  }
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('stops by itself, cleanly, when the process that started it is SIGKILLed', async () => {
    const { child, pid } = await childWithServer(`
      import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('lib/store/start-embedded-postgres.ts'))};
      const s = await startEmbeddedPostgres(${JSON.stringify(opts)});
      console.log('ready ' + s.pid);
      setInterval(() => {}, 1000);`);
    child.kill('SIGKILL');
    await expect.poll(() => alive(pid), { timeout: 15_000, interval: 100 }).toBe(false);
    // a fast shutdown, not a crash: the lock is gone, so the next start has nothing to clean up
    expect(existsSync(path.join(opts.dataDir, 'postmaster.pid'))).toBe(false);
    const s = await startEmbeddedPostgres(opts);
    expect(await query(s.url, 'SELECT v FROM keep')).toEqual([{ v: 'kept' }]);
    await s.stop();
  });

  it('takes over a server orphaned by a SIGKILLed parent (no setpriv, or an older release), without losing data', async () => {
    // The server is spawned bare here, as a release before parent-death signals did, so it outlives its parent.
    const { child, pid } = await childWithServer(`
      import { spawn } from 'node:child_process';
      import net from 'node:net';
      import { postgresBinaries } from ${JSON.stringify(path.resolve('lib/store/postgres-binaries.ts'))};
      import { postgresUser } from ${JSON.stringify(path.resolve('lib/store/postgres-user.ts'))};
      const root = process.getuid() === 0;
      const bins = await postgresBinaries(root);
      const args = ['-D', ${JSON.stringify(opts.dataDir)}, '-p', '${opts.port}', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
      const server = spawn(bins.postgres, args, { ...(root ? postgresUser() : {}), stdio: 'ignore', detached: true });
      const up = () => new Promise((r) => net.connect(${opts.port}, '127.0.0.1').once('connect', function () { this.destroy(); r(true); }).once('error', () => r(false)));
      while (!(await up())) await new Promise((r) => setTimeout(r, 100));
      console.log('ready ' + server.pid);
      setInterval(() => {}, 1000);`);
    child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(pid)).toBe(true); // the orphan is still running

    const s = await startEmbeddedPostgres(opts);
    expect(alive(pid)).toBe(false);
    expect(await query(s.url, 'SELECT v FROM keep')).toEqual([{ v: 'kept' }]);
    await s.stop();
  });

  it('names the process holding its port instead of failing to bind', async () => {
    const holder = spawn(process.execPath, ['-e', `require('net').createServer().listen(${opts.port}, '127.0.0.1', () => console.log('listening'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((r) => holder.stdout!.once('data', r));
      await expect(startEmbeddedPostgres(opts)).rejects.toThrow(new RegExp(`Port ${opts.port} \\(PostgreSQL for .*\\) is in use by pid ${holder.pid} \\(.*node -e .*kill ${holder.pid}`));
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
