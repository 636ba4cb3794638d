import { rmSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../lib/store/start-embedded-postgres';
import { withLabClient } from './lab-client';
import { writeOwnedFile } from './write-owned-file';

export interface LabTemplateOptions {
  dataDir: string;
  port: number;
  database: string;
  superUser: string;
  superPassword: string;
  probeUser: string;
  probePassword: string;
}

/** Every lab server starts from this; it accepts password logins with or without TLS until its posture is applied. */
const bootstrapHba = ['host all all 127.0.0.1/32 scram-sha-256', 'host all all ::1/128 scram-sha-256', ''].join('\n');

/** One initdb'd, stopped data folder with the lab's roles, copied per posture: 12 initdbs would take ~10 s on 2 cores. */
export async function prepareLabTemplate(opts: LabTemplateOptions): Promise<void> {
  rmSync(opts.dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({
    dataDir: opts.dataDir,
    // 1 MB WAL segments instead of 16 MB: twelve copies, switches and archives of 16 MB files dominated the start.
    initdbArgs: ['--wal-segsize=1', '--no-sync', '--no-instructions'],
    configure: (dir, owner) => writeOwnedFile(path.join(dir, 'pg_hba.conf'), bootstrapHba, owner),
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
      // the extra grants docs/postgresql.md recommends, so the pg.hba.* checks can read pg_hba.conf
      await c.query(`GRANT SELECT ON pg_catalog.pg_hba_file_rules TO ${probe}`);
      await c.query(`GRANT EXECUTE ON FUNCTION pg_catalog.pg_hba_file_rules() TO ${probe}`);
      await c.query(`REVOKE CONNECT, TEMPORARY ON DATABASE "${opts.database}" FROM PUBLIC`);
      await c.query('CREATE TABLE lab_activity (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), note text)');
    });
  } finally {
    await server.stop();
  }
}
