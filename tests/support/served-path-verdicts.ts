/** The path checks' verdicts for the engine tests' CA-issued server certificate (leaf served, lab CA in the bundle). */
export const caIssuedPathVerdicts = {
  'cert.san_present': 'pass',
  'cert.lifetime': 'pass',
  'cert.eku_server_auth': 'pass',
  'cert.chain_order': 'pass',
  'cert.chain_complete': 'pass',
  'cert.ca_outlives_leaf': 'pass',
} as const;

/** The same for the self-signed "stranger" certificate: a whole path of one, with no issuing CA to compare. */
export const selfSignedPathVerdicts = { ...caIssuedPathVerdicts, 'cert.ca_outlives_leaf': 'skip' } as const;

/** The TLS configuration checks' verdicts for a listener configured to Mozilla's intermediate profile. */
export const intermediateTlsVerdicts = {
  'tls.mozilla_profile': 'pass',
  'tls.forward_secrecy': 'pass',
  'tls.weak_ciphers': 'pass',
  'tls.groups': 'pass',
} as const;

/** The same for a listener left at OpenSSL 3's default suites: RSA key exchange and CBC with SHA-1 still accepted. */
export const opensslDefaultTlsVerdicts = {
  'tls.mozilla_profile': 'fail',
  'tls.forward_secrecy': 'fail',
  'tls.weak_ciphers': 'warn',
  'tls.groups': 'pass',
} as const;
