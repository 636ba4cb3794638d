import { execFile } from 'node:child_process';
import { chownSync, mkdirSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { postgresBinaries } from '../../lib/store/postgres-binaries';
import { startEmbeddedPostgres } from '../../lib/store/start-embedded-postgres';
import { withLabClient } from './lab-client';
import { writeOwnedFile, type FileOwner } from './write-owned-file';

export interface LabTemplateOptions {
  dataDir: string;
  port: number;
  owner: FileOwner;
  database: string;
  superUser: string;
  superPassword: string;
  probeUser: string;
  probePassword: string;
}

/** Every lab server starts from this; it accepts password logins with or without TLS until its posture is applied. */
const bootstrapHba = ['host all all 127.0.0.1/32 scram-sha-256', 'host all all ::1/128 scram-sha-256', ''].join('\n');

/** 1 MB WAL segments instead of 16 MB: twelve copies, switches and archives of 16 MB files dominated the lab's start. */
async function initdb(opts: LabTemplateOptions) {
  const { dataDir, owner } = opts;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const pwfile = path.join(path.dirname(dataDir), `.lab-pwfile-${process.pid}`);
  writeOwnedFile(pwfile, opts.superPassword + '\n', owner);
  const bins = await postgresBinaries(owner !== null);
  const args = [`--pgdata=${dataDir}`, `--username=${opts.superUser}`, `--pwfile=${pwfile}`, '--auth=scram-sha-256'];
  args.push('--encoding=UTF8', '--no-locale', '--wal-segsize=1', '--no-sync', '--no-instructions');
  try {
    await promisify(execFile)(bins.initdb, args, { ...(owner ?? {}), env: { ...process.env, LC_MESSAGES: 'C' }, timeout: 60_000 });
  } finally {
    unlinkSync(pwfile);
  }
  writeOwnedFile(path.join(dataDir, 'pg_hba.conf'), bootstrapHba, owner);
}

/** One initdb'd, stopped data folder with the lab's roles, copied per posture: 12 initdbs would take ~10 s on 2 cores. */
export async function prepareLabTemplate(opts: LabTemplateOptions): Promise<void> {
  rmSync(opts.dataDir, { recursive: true, force: true });
  await initdb(opts);
  const server = await startEmbeddedPostgres({
    dataDir: opts.dataDir,
    port: opts.port,
    user: opts.superUser,
    password: opts.superPassword,
    database: opts.database,
    settings: { shared_buffers: '16MB', max_connections: '20', min_wal_size: '2MB', max_wal_size: '4MB' },
  });
  try {
    const conn = { port: opts.port, user: opts.superUser, password: opts.superPassword, database: opts.database };
    await withLabClient(conn, async (c) => {
      const probe = `"${opts.probeUser}"`;
      await c.query(`CREATE ROLE ${probe} LOGIN PASSWORD '${opts.probePassword.replace(/'/g, "''")}'`);
      await c.query(`GRANT pg_monitor, pg_read_all_settings TO ${probe}`);
      await c.query(`GRANT CONNECT ON DATABASE "${opts.database}" TO ${probe}`);
      await c.query('CREATE TABLE lab_activity (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), note text)');
    });
  } finally {
    await server.stop();
  }
}
