import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../lib/store/start-embedded-postgres';
import { reservePorts } from '../../scripts/lab/reserve-ports';

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

  it('takes over a server orphaned by a SIGKILLed parent, without losing data', async () => {
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('lib/store/start-embedded-postgres.ts'))};
      const s = await startEmbeddedPostgres(${JSON.stringify(opts)});
      console.log('ready ' + s.pid);
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        const m = /ready (\d+)/.exec(b.toString());
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    expect(() => process.kill(pid, 0)).not.toThrow(); // the orphan is still running

    const s = await startEmbeddedPostgres(opts);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await query(s.url, 'SELECT v FROM keep')).toEqual([{ v: 'kept' }]);
    await s.stop();
  });
});
