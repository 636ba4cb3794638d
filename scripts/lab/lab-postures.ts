export type LabVerdict = 'pass' | 'warn' | 'fail' | 'skip' | 'error';

export type LabCheckId =
  | 'target.reachable'
  | 'pg.tls.enabled'
  | 'pg.tls.required'
  | 'pg.tls.min_version'
  | 'cert.expiry'
  | 'cert.key_strength'
  | 'cert.signature'
  | 'cert.hostname'
  | 'cert.trusted'
  | 'cert.san_present'
  | 'cert.lifetime'
  | 'cert.eku_server_auth'
  | 'tls.mozilla_profile'
  | 'tls.forward_secrecy'
  | 'tls.weak_ciphers'
  | 'tls.groups'
  | 'cert.chain_order'
  | 'cert.chain_complete'
  | 'cert.ca_outlives_leaf'
  | 'pg.password.encryption'
  | 'password.strength'
  | 'backup.wal_archiving';

export interface LabCertSpec {
  issuer: 'lab-ca' | 'self';
  commonName: string;
  altNames: string[];
  keyBits: number;
  signatureHash: 'sha256' | 'sha1';
  /** validity relative to now, in days */
  notBeforeDays: number;
  notAfterDays: number;
}

export interface LabPosture {
  name: string;
  description: string;
  /** verdicts the product's checks must reach for this server; a check left out depends on the probe's choices */
  expected: Partial<Record<LabCheckId, LabVerdict>>;
  /** null: ssl = off */
  cert: LabCertSpec | null;
  /** extra `-c` server settings beyond the fleet's common ones */
  settings: Record<string, string>;
  /** whether pg_hba.conf rejects non-TLS connections before any login line */
  rejectPlaintext: boolean;
  passwordEncryption: 'scram-sha-256' | 'md5';
  archive: 'working' | 'failing';
}

const goodCert: LabCertSpec = {
  issuer: 'lab-ca',
  commonName: 'localhost',
  altNames: ['localhost', '127.0.0.1', '::1'],
  keyBits: 2048,
  signatureHash: 'sha256',
  notBeforeDays: -1,
  notAfterDays: 365,
};

const allPass: LabPosture['expected'] = {
  'target.reachable': 'pass',
  'pg.tls.enabled': 'pass',
  'pg.tls.required': 'pass',
  'pg.tls.min_version': 'pass',
  'cert.expiry': 'pass',
  'cert.key_strength': 'pass',
  'cert.signature': 'pass',
  'cert.hostname': 'pass',
  'cert.trusted': 'pass',
  'cert.san_present': 'pass',
  'cert.lifetime': 'pass',
  'cert.eku_server_auth': 'pass',
  'cert.chain_order': 'pass',
  'cert.chain_complete': 'pass',
  'cert.ca_outlives_leaf': 'pass',
  'tls.mozilla_profile': 'pass',
  'tls.forward_secrecy': 'pass',
  'tls.weak_ciphers': 'pass',
  'tls.groups': 'pass',
  'pg.password.encryption': 'pass',
  'password.strength': 'pass',
  'backup.wal_archiving': 'pass',
};

const healthy: LabPosture = {
  name: 'healthy',
  description: 'TLS 1.2+ required, CA-signed RSA 2048/SHA-256 certificate valid 1 year, SCRAM passwords, WAL archiving working',
  expected: allPass,
  cert: goodCert,
  settings: { ssl_min_protocol_version: 'TLSv1.2' },
  rejectPlaintext: true,
  passwordEncryption: 'scram-sha-256',
  archive: 'working',
};

/** Like healthy but for the given differences. */
function variant(name: string, description: string, diff: Partial<Omit<LabPosture, 'name' | 'description'>>): LabPosture {
  const expected = Object.fromEntries(Object.entries({ ...allPass, ...diff.expected }).filter(([, v]) => v !== undefined));
  return { ...healthy, ...diff, name, description, expected };
}

const withCert = (cert: Partial<LabCertSpec>): LabCertSpec => ({ ...goodCert, ...cert });
/** A server whose certificate does not verify gets no credential, so the checks that need the login cannot tell. */
const withheld = { 'pg.password.encryption': 'error', 'backup.wal_archiving': 'error' } as const;
/** PostgreSQL's default cipher list at security level 0: OpenSSL 3 builds refuse TLS 1.0 at the default level 1. */
const legacyProtocolCiphers = { ssl_ciphers: 'HIGH:MEDIUM:+3DES:!aNULL:@SECLEVEL=0' };

export const labPostures: readonly LabPosture[] = [
  healthy,
  variant('cert-expiring', 'Certificate expires in 10 days', {
    cert: withCert({ notAfterDays: 10 }),
    expected: { 'cert.expiry': 'fail' },
  }),
  variant('cert-expired', 'Certificate expired 3 days ago (valid from 60 days ago)', {
    cert: withCert({ notBeforeDays: -60, notAfterDays: -3 }),
    // cert.trusted is left out: whether an expired chain "verifies" is the probe's choice
    expected: { 'cert.expiry': 'fail', 'cert.trusted': undefined, ...withheld },
  }),
  variant('wrong-hostname', 'Certificate is for db.other.example only', {
    cert: withCert({ commonName: 'db.other.example', altNames: ['db.other.example'] }),
    expected: { 'cert.hostname': 'fail', ...withheld },
  }),
  variant('self-signed', 'Self-signed server certificate, not issued by the lab CA', {
    cert: withCert({ issuer: 'self' }),
    expected: { 'cert.trusted': 'fail', 'cert.ca_outlives_leaf': 'skip', ...withheld },
  }),
  // PostgreSQL's bundled OpenSSL 1.1.1 loads a 1024-bit key and a SHA-1 signed certificate at its default level 1.
  // cert.trusted is left out: it depends on the client's security level (Node 20 accepts 1024 bits but refuses
  // SHA-1 signatures; Debian's openssl CLI refuses 1024 bits)
  variant('weak-key', 'Certificate with an RSA 1024-bit key', {
    cert: withCert({ keyBits: 1024 }),
    expected: { 'cert.key_strength': 'fail', 'cert.trusted': undefined },
  }),
  variant('sha1-signature', 'Certificate signed with SHA-1', {
    cert: withCert({ signatureHash: 'sha1' }),
    // Node's OpenSSL refuses to verify a SHA-1 signed chain, so the login is withheld as for any unverified server
    expected: { 'cert.signature': 'fail', 'cert.trusted': undefined, ...withheld },
  }),
  variant('ssl-off', 'ssl = off: every login is in plaintext', {
    cert: null,
    settings: {},
    rejectPlaintext: false,
    expected: {
      'pg.tls.enabled': 'fail',
      'pg.tls.required': 'fail',
      'pg.tls.min_version': 'skip',
      'cert.expiry': 'skip',
      'cert.key_strength': 'skip',
      'cert.signature': 'skip',
      'cert.hostname': 'skip',
      'cert.trusted': 'skip',
      'cert.san_present': 'skip',
      'cert.lifetime': 'skip',
      'cert.eku_server_auth': 'skip',
      'cert.chain_order': 'skip',
      'cert.chain_complete': 'skip',
      'cert.ca_outlives_leaf': 'skip',
      'tls.mozilla_profile': 'skip',
      'tls.forward_secrecy': 'skip',
      'tls.weak_ciphers': 'skip',
      'tls.groups': 'skip',
      // the probe never logs in without TLS
      'pg.password.encryption': 'skip',
      'backup.wal_archiving': 'skip',
    },
  }),
  variant('plaintext-accepted', 'TLS offered, but pg_hba.conf also accepts non-TLS password logins', {
    rejectPlaintext: false,
    expected: { 'pg.tls.required': 'fail' },
  }),
  variant('tls10-allowed', 'ssl_min_protocol_version = TLSv1: TLS 1.0 handshakes complete', {
    settings: { ssl_min_protocol_version: 'TLSv1', ...legacyProtocolCiphers },
    // the legacy list brings RSA key exchange and CBC with SHA-1; the server's OpenSSL has no 3DES left to offer
    expected: { 'pg.tls.min_version': 'fail', 'tls.mozilla_profile': 'fail', 'tls.forward_secrecy': 'fail', 'tls.weak_ciphers': 'warn' },
  }),
  variant('md5-passwords', 'password_encryption = md5 and the probe role stored as an md5 hash', {
    passwordEncryption: 'md5',
    expected: { 'pg.password.encryption': 'fail' },
  }),
  variant('archive-failing', "archive_mode = on with archive_command = 'false': every WAL segment fails to archive", {
    archive: 'failing',
    expected: { 'backup.wal_archiving': 'fail' },
  }),
];
