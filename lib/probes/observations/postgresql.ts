/** What the PostgreSQL probes saw: the TLS negotiation, the login session and the hardening reads. */
import type { TlsHandshake } from './transport';

export type PgAuthMethod = 'trust' | 'cleartext' | 'md5' | 'scram-sha-256' | 'gss' | 'sspi' | 'other';

export interface PgTlsObservation {
  /** the server's one-byte answer to SSLRequest: S (TLS offered), N (no TLS), or what else happened */
  sslResponse: 'S' | 'N' | 'error-response' | 'closed';
  handshake: TlsHandshake | null;
  handshakeError: string | null;
  /** PostgreSQL 17+ direct TLS (ALPN "postgresql") without SSLRequest */
  directTls: 'supported' | 'unsupported';
  /** the server's first reply to a plaintext StartupMessage; the probe disconnects before authenticating */
  plaintextLogin: {
    outcome: 'auth-requested' | 'auth-ok' | 'rejected' | 'closed' | 'error';
    method: PgAuthMethod | null;
    /** the server's error message, e.g. the pg_hba rejection */
    message: string | null;
  };
  /** whether a handshake capped at each legacy version succeeded */
  legacyTls: { 'TLSv1': 'accepted' | 'refused'; 'TLSv1.1': 'accepted' | 'refused' };
}

export interface PgArchiverObservation {
  archiveMode: string;
  archiveCommandSet: boolean;
  archivedCount: number;
  lastArchivedAt: string | null;
  failedCount: number;
  lastFailedAt: string | null;
  lastFailedWal: string | null;
}

export interface PgSessionObservation {
  serverVersion: string;
  ssl: string;
  sslMinProtocolVersion: string;
  passwordEncryption: string;
  /** roles whose stored verifier is md5; null when pg_authid cannot be read by the probe role */
  md5Roles: string[] | null;
  /** rolvaliduntil of the probe's own role */
  roleValidUntil: string | null;
  archiver: PgArchiverObservation | null;
  /** privileges the probe lacked, said in evidence */
  limitations: string[];
}

/** A read the probe role may be refused: the check then errors and names the GRANT that would allow it. */
export type PgPrivilegedRead<T> = { status: 'ok'; data: T } | { status: 'denied'; message: string; grant: string };

/** One pg_hba.conf line as pg_hba_file_rules parses it (the file on disk, which may be newer than the loaded one). */
export interface PgHbaRule {
  line: number;
  /** local, host, hostssl, hostnossl, hostgssenc, hostnogssenc */
  type: string;
  databases: string[];
  users: string[];
  /** null for local lines; may be a keyword such as all, samehost, samenet */
  address: string | null;
  netmask: string | null;
  method: string;
  /** a line the server could not parse is ignored by it */
  error: string | null;
}

export interface PgRoleFacts {
  name: string;
  superuser: boolean;
  canLogin: boolean;
  createRole: boolean;
  createDb: boolean;
  replication: boolean;
  bypassRls: boolean;
  /** rolvaliduntil; 'infinity' or null means the password never expires */
  validUntil: string | null;
  /** roles it is a member of, directly or through others (pg_* predefined roles included) */
  memberOf: string[];
}

export interface PgExtensionFacts {
  name: string;
  version: string;
  schema: string;
  /** PUBLIC or non-superuser roles that may run its functions or use its foreign-data wrapper */
  nonSuperuserGrantees: string[];
}

export interface PgTableSecurity {
  /** schema.table as tagged */
  table: string;
  exists: boolean;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  policies: number;
}

export interface PgHardeningObservation {
  probeRole: string;
  /** the database the probe connected to: extensions, languages and tables are per database */
  database: string;
  serverVersion: string;
  serverVersionNum: number;
  /** pg_settings as the probe role sees them; a name absent here was hidden from the role */
  settings: Record<string, string>;
  /** superuser-only settings the role could not see (grant pg_read_all_settings) */
  hiddenSettings: string[];
  roles: PgRoleFacts[];
  hbaRules: PgPrivilegedRead<PgHbaRule[]>;
  databases: { name: string; publicConnect: boolean; publicTemp: boolean }[];
  /** null when the database has no schema named public */
  publicSchema: { publicCreate: boolean; publicUsage: boolean; owner: string } | null;
  languages: { name: string; trusted: boolean }[];
  extensions: PgExtensionFacts[];
  /** whether the server's packages ship pgcrypto (pg_available_extensions) */
  pgcryptoAvailable: boolean;
  /** the tables the inventory flags sensitive (tags sensitive:<schema>.<table>) */
  sensitiveTables: PgTableSecurity[];
}
