import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedStore } from '../../lib/store/start-embedded-postgres';
import type { PemPair } from './lab-certificates';
import { withLabClient, type LabConnection } from './lab-client';
import type { LabPosture } from './lab-postures';
import { intermediateCipherString } from '../../lib/checks/tls/mozilla-tls-profiles';
import { writeOwnedFile, type FileOwner } from './write-owned-file';

export interface LabServerOptions {
  posture: LabPosture;
  /** this posture's folder: data/ and archive/ go inside */
  dir: string;
  templateDir: string;
  port: number;
  /** null when the posture has ssl = off */
  cert: PemPair | null;
  owner: FileOwner;
  database: string;
  superUser: string;
  superPassword: string;
  probeUser: string;
  /** every chunk the server writes to stderr, for as long as it runs (a benchmark counts its log_connections lines) */
  log?: (text: string) => void;
  probePassword: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pgHba(posture: LabPosture): string {
  const method = posture.passwordEncryption === 'md5' ? 'md5' : 'scram-sha-256';
  const type = posture.rejectPlaintext ? 'hostssl' : 'host';
  const reject = posture.rejectPlaintext ? ['hostnossl all all 0.0.0.0/0 reject', 'hostnossl all all ::/0 reject'] : [];
  return [...reject, `${type} all all 127.0.0.1/32 ${method}`, `${type} all all ::1/128 ${method}`, ''].join('\n');
}

function serverSettings(posture: LabPosture, archiveDir: string): Record<string, string> {
  return {
    listen_addresses: '127.0.0.1,::1',
    shared_buffers: '16MB',
    max_connections: '20',
    ssl: posture.cert ? 'on' : 'off',
    password_encryption: posture.passwordEncryption,
    archive_mode: 'on',
    archive_command: posture.archive === 'working' ? `test ! -f '${archiveDir}/%f' && cp %p '${archiveDir}/%f'` : 'false',
    // the logging the pg.logging.* checks ask for; pgaudit is not shipped with the embedded binaries
    log_connections: 'on',
    log_disconnections: 'on',
    log_line_prefix: '%m [%p] user=%u,db=%d,app=%a,client=%h ',
    log_statement: 'ddl',
    log_min_duration_statement: '1000',
    // Mozilla's intermediate suites, so the healthy server passes tls.mozilla_profile as a well-run one would
    ssl_ciphers: intermediateCipherString,
    ...posture.settings,
  };
}

/** Archives (or fails to archive) one segment now, so pg_stat_archiver already tells the posture when setup ends. */
async function exerciseArchiver(c: pg.Client, posture: LabPosture) {
  await c.query("INSERT INTO lab_activity (note) SELECT 'seed ' || g FROM generate_series(1, 200) g");
  await c.query('SELECT pg_switch_wal()');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const { rows } = await c.query<{ archived: string; failed: string }>('SELECT archived_count AS archived, failed_count AS failed FROM pg_stat_archiver');
    const row = rows[0];
    if (posture.archive === 'working' ? Number(row?.archived) > 0 : Number(row?.failed) > 0) return;
    await sleep(100);
  }
  throw new Error(`lab-${posture.name}: pg_stat_archiver did not show the expected ${posture.archive} archiving within 15 s`);
}

/** pg_reload_conf() only signals the postmaster; wait until new sessions really get the posture's pg_hba.conf. */
async function applyHba(conn: LabConnection, dataDir: string, posture: LabPosture, owner: FileOwner) {
  const before = await withLabClient(conn, async (c) => {
    const { rows } = await c.query<{ t: Date }>('SELECT pg_conf_load_time() AS t');
    writeOwnedFile(path.join(dataDir, 'pg_hba.conf'), pgHba(posture), owner);
    await c.query('SELECT pg_reload_conf()');
    return rows[0]!.t;
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      const reloaded = await withLabClient(conn, async (c) => (await c.query<{ ok: boolean }>('SELECT pg_conf_load_time() > $1 AS ok', [before])).rows[0]?.ok);
      if (reloaded) return;
    } catch (e) {
      if ((e as { code?: string }).code === '28000') return; // the new rules already reject this non-TLS session
      throw e;
    }
    await sleep(50);
  }
  throw new Error(`lab-${posture.name}: pg_hba.conf was not reloaded within 10 s`);
}

/** Copies the template, writes this posture's certificate and settings, starts it and applies the posture. */
export async function startLabServer(opts: LabServerOptions): Promise<{ server: EmbeddedStore; dataDir: string; archiveDir: string }> {
  const { posture, owner } = opts;
  const dataDir = path.join(opts.dir, 'data');
  const archiveDir = path.join(opts.dir, 'archive');
  rmSync(opts.dir, { recursive: true, force: true });
  mkdirSync(archiveDir, { recursive: true, mode: 0o700 });
  chmodSync(opts.dir, 0o755);
  if (owner) chownSync(archiveDir, owner.uid, owner.gid);
  await promisify(execFile)('cp', ['-a', opts.templateDir, dataDir], { timeout: 60_000 });
  if (opts.cert) {
    writeOwnedFile(path.join(dataDir, 'server.crt'), opts.cert.certPem, owner, 0o644);
    writeOwnedFile(path.join(dataDir, 'server.key'), opts.cert.keyPem, owner, 0o600);
  }
  const server = await startEmbeddedPostgres({
    dataDir,
    port: opts.port,
    user: opts.superUser,
    password: opts.superPassword,
    database: opts.database,
    settings: serverSettings(posture, archiveDir),
    log: opts.log,
  });
  try {
    const conn = { port: opts.port, user: opts.superUser, password: opts.superPassword, database: opts.database };
    await withLabClient(conn, async (c) => {
      if (posture.passwordEncryption === 'md5') {
        // PostgreSQL 18 warns that md5 is deprecated but still stores an md5 verifier
        await c.query("SET password_encryption = 'md5'");
        await c.query(`ALTER ROLE "${opts.probeUser}" PASSWORD '${opts.probePassword.replace(/'/g, "''")}'`);
      }
      await exerciseArchiver(c, posture);
    });
    await applyHba(conn, dataDir, posture, owner);
    return { server, dataDir, archiveDir };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
