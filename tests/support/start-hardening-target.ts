import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { postgresUser } from '../../lib/store/postgres-user';
import { startEmbeddedPostgres, type EmbeddedStore } from '../../lib/store/start-embedded-postgres';
import { writeOwnedFile } from '../../scripts/lab/write-owned-file';

export interface HardeningTargetOptions {
  dir: string;
  port: number;
  superPassword: string;
  tls: { certPem: string; keyPem: string };
  /** pg_hba.conf while the setup SQL runs (the server's own start-up check connects without TLS) */
  setupHba: string;
  /** pg_hba.conf the probe meets; written and reloaded after setup */
  finalHba: string;
  settings: Record<string, string>;
  setup: (c: pg.Client) => Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One real PostgreSQL for the hardening tests: TLS on, the given settings and roles, then its final pg_hba.conf. */
export async function startHardeningTarget(o: HardeningTargetOptions): Promise<EmbeddedStore> {
  mkdirSync(o.dir, { recursive: true });
  chmodSync(o.dir, 0o755);
  const owner = isRoot() ? postgresUser() : null;
  const dataDir = path.join(o.dir, 'data');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: o.port,
    user: 'postgres',
    password: o.superPassword,
    database: 'postgres',
    initdbArgs: ['--no-sync', '--no-instructions'],
    configure: (dir, own) => {
      writeOwnedFile(path.join(dir, 'pg_hba.conf'), o.setupHba, own);
      writeOwnedFile(path.join(dir, 'server.crt'), o.tls.certPem, own, 0o644);
      writeOwnedFile(path.join(dir, 'server.key'), o.tls.keyPem, own, 0o600);
    },
    settings: { shared_buffers: '16MB', max_connections: '20', ssl: 'on', ...o.settings },
  });
  try {
    const client = new pg.Client({ host: '127.0.0.1', port: o.port, user: 'postgres', password: o.superPassword, database: 'postgres', ssl: { rejectUnauthorized: false } });
    await client.connect();
    try {
      await o.setup(client);
      const before = (await client.query<{ t: Date }>('SELECT pg_conf_load_time() AS t')).rows[0]!.t;
      writeOwnedFile(path.join(dataDir, 'pg_hba.conf'), o.finalHba, owner);
      await client.query('SELECT pg_reload_conf()');
      // the reload is asynchronous: wait until the postmaster has read the new file
      for (let i = 0; i < 100; i++) {
        const probe = new pg.Client({ host: '127.0.0.1', port: o.port, user: 'postgres', password: o.superPassword, database: 'postgres', ssl: { rejectUnauthorized: false } });
        await probe.connect();
        const done = (await probe.query<{ ok: boolean }>('SELECT pg_conf_load_time() > $1 AS ok', [before])).rows[0]?.ok;
        await probe.end();
        if (done) return server;
        await sleep(50);
      }
      throw new Error('pg_hba.conf was not reloaded within 5 s');
    } finally {
      await client.end().catch(() => {});
    }
  } catch (e) {
    await server.stop();
    throw e;
  }
}
