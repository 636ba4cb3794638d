/**
 * Engines whose clients log in with a password, so the credential's age and length are judged. The pgBackRest TLS
 * server authenticates by client certificate only.
 */
export const passwordEngines: ReadonlySet<string> = new Set(['postgresql', 'redis', 'rabbitmq', 'etcd', 'patroni']);
