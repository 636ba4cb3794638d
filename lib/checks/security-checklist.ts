export interface ChecklistItem {
  /** the item as the seed runbook words it */
  item: string;
  /** checks whose results evidence the item; empty when nothing automated covers it yet */
  checks: string[];
  /** what the checks do and do not cover */
  note: string;
}

/** The seed runbook's "Security Validation Checklist", each item tied to the checks that evidence it. */
export const securityChecklist: readonly ChecklistItem[] = [
  { item: 'All database pods running and healthy', checks: ['target.reachable'], note: 'The database accepts connections; pod health probes are not read.' },
  { item: 'All PVCs in "Bound" state', checks: ['k8s.pvc.bound'], note: 'Every claim of the database’s pods is Bound.' },
  {
    item: 'TLS certificates mounted with correct permissions',
    checks: ['k8s.tls.key_mode', 'cert.matches_secret'],
    note: 'The key’s mode as the Secret volume declares it (0600/0400), and the served certificate is the mounted one; a chmod by an init container is reported, not verified.',
  },
  { item: 'PostgreSQL accepts TLS connections', checks: ['pg.tls.enabled'], note: 'The server answers SSLRequest and completes a handshake.' },
  {
    item: 'Redis accepts TLS connections',
    checks: ['redis.tls.enabled', 'redis.plaintext.closed'],
    note: 'A TLS handshake on the Redis port, and no plaintext Redis answering on the plaintext port.',
  },
  { item: 'pgcrypto extension loaded', checks: ['pg.extensions.pgcrypto'], note: 'Installed in the probe’s database, on targets tagged encryption:required.' },
  {
    item: 'Services connect without TLS errors',
    checks: ['cert.expiry', 'cert.trusted', 'cert.hostname', 'cert.chain_complete', 'cert.ca_outlives_leaf'],
    note: 'What a verifying client sees: a current, trusted certificate for the right name, with its whole chain served. Client logs are not read.',
  },
  {
    item: 'Audit logs being generated',
    checks: ['pg.pgaudit.loaded', 'pg.pgaudit.log', 'pg.logging.connections', 'pg.logging.statement'],
    note: 'The settings that make PostgreSQL write an audit trail; whether the log files arrive anywhere is not read.',
  },
  { item: 'Passwords are strong (32+ characters)', checks: ['password.strength'], note: 'Length of the stored or referenced secret.' },
  { item: 'Backup script tested and working', checks: ['backup.freshness'], note: 'A recent successful backup exists; restore tests are not automated.' },
];
