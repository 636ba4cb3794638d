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
