import { pgLoginRefusal } from './pg-login-refusal';
import type pg from 'pg';
import { sharedProbePgSession, type SharedProbePgSession } from './shared-probe-pg-session';
import type { NetworkPolicy } from '../network/network-policy';
import type { PgArchiverObservation, PgSessionObservation } from './observations/postgresql';
import type { ProbeOutcome } from './observations/probe-outcome';
import { CredentialWithheldError } from './credential-withheld-error';
import type { TlsTrust } from './tls-trust';
import { withheldOutcome } from './withheld-outcome';

export interface PgSessionInput {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | null;
  /** false only when an admin explicitly allowed plaintext SCRAM logins for this target */
  requireTls: boolean;
  tlsOffered: boolean;
  /** what the server asked a plaintext client for (from the TLS probe), so a plaintext login is SCRAM or nothing */
  plaintextMethod: string | null;
  /** what the server must prove before the password is sent (CA bundle or system roots and name, or a pin) */
  trust: TlsTrust;
  /** why the credential may not be used at all (custody policy, binding); the probe then reports it, sending nothing */
  credentialWithheld?: string | null;
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  signal?: AbortSignal;
  /** which private addresses may be reached; the defaults when absent (link-local and metadata never) */
  network?: NetworkPolicy;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

/**
 * Logs in and reads settings. The password goes only inside TLS to a server that proved itself; without TLS the
 * probe does not log in (unless an admin allowed plaintext SCRAM for this target), and says why.
 */
export async function probePostgresSession(input: PgSessionInput, shared?: SharedProbePgSession): Promise<ProbeOutcome<PgSessionObservation>> {
  if (input.credentialWithheld) return withheldOutcome(new CredentialWithheldError(input.credentialWithheld));
  const refusal = pgLoginRefusal(input);
  if (refusal !== null) return { status: 'skipped', reason: refusal };
  const session = shared ?? sharedProbePgSession(input);
  try {
    return { status: 'ok', data: await session.use(input.signal, readPostgresSession) };
  } catch (e) {
    if (e instanceof CredentialWithheldError) return withheldOutcome(e);
    return { status: 'error', message: `login as ${input.user} failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    if (!shared) await session.close();
  }
}

/** What the TLS-setting, password-hashing and archiving checks read from a logged-in session. */
async function readPostgresSession(client: pg.Client): Promise<PgSessionObservation> {
  const show = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0]?.[name] as string;
  const limitations: string[] = [];
  const settings = (
    await client.query(`SELECT current_setting('server_version') AS v, current_setting('ssl') AS ssl, current_setting('ssl_min_protocol_version') AS min,
      current_setting('password_encryption') AS pw, current_setting('archive_mode') AS archive`)
  ).rows[0] as Record<'v' | 'ssl' | 'min' | 'pw' | 'archive', string>;
  const [serverVersion, ssl, sslMin, pwEnc, archiveMode] = [settings.v, settings.ssl, settings.min, settings.pw, settings.archive];
  let md5Roles: string[] | null = null;
  try {
    md5Roles = (await client.query(`SELECT rolname FROM pg_authid WHERE rolpassword LIKE 'md5%' ORDER BY rolname`)).rows.map((r) => r.rolname as string);
  } catch {
    limitations.push('pg_authid is not readable by the probe role (superuser only), so stored md5 verifiers cannot be listed');
  }
  const validUntil = (await client.query(`SELECT rolvaliduntil FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolvaliduntil;
  let archiver: PgArchiverObservation | null = null;
  try {
    let archiveCommandSet = true;
    try {
      const cmd = await show('archive_command');
      const lib = await show('archive_library');
      archiveCommandSet = (cmd !== '' && cmd !== '(disabled)') || lib !== '';
    } catch {
      limitations.push('archive_command is not visible to the probe role (grant pg_read_all_settings)');
    }
    const a = (await client.query(`SELECT archived_count, last_archived_time, failed_count, last_failed_time, last_failed_wal FROM pg_stat_archiver`)).rows[0];
    archiver = {
      archiveMode,
      archiveCommandSet,
      archivedCount: Number(a.archived_count),
      lastArchivedAt: iso(a.last_archived_time),
      failedCount: Number(a.failed_count),
      lastFailedAt: iso(a.last_failed_time),
      lastFailedWal: (a.last_failed_wal as string | null) ?? null,
    };
  } catch {
    limitations.push('pg_stat_archiver is not readable by the probe role (grant pg_monitor)');
  }
  return { serverVersion, ssl, sslMinProtocolVersion: sslMin, passwordEncryption: pwEnc, md5Roles, roleValidUntil: iso(validUntil), archiver, limitations };
}
