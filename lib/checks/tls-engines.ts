/** Engines whose listener Posture reaches over TLS, so the certificate checks judge what it serves. */
const tlsEngines: ReadonlySet<string> = new Set(['postgresql', 'redis', 'rabbitmq', 'patroni', 'etcd', 'pgbackrest']);

export const servesTls = (engine: string): boolean => tlsEngines.has(engine);
