/** The openssl line that shows what the server serves, per engine: PostgreSQL negotiates TLS after an SSLRequest. */
export function showServedChain(tail: string): string {
  return `  PostgreSQL: openssl s_client -connect <host>:<port> -starttls postgres ${tail}
  Redis, RabbitMQ, Patroni, etcd, pgBackRest: openssl s_client -connect <host>:<port> ${tail}`;
}
