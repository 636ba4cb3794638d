/** Where each non-PostgreSQL engine keeps its certificate: the closing paragraph of every certificate remediation. */
export const engineCertificateFiles =
  'Redis, RabbitMQ, Patroni, etcd and pgBackRest: check with openssl s_client -connect <host>:<port> (no -starttls); the files are tls-cert-file/tls-key-file (Redis), ssl_options.certfile/keyfile (RabbitMQ), restapi.certfile/keyfile (Patroni), --cert-file/--key-file (etcd) and tls-server-cert-file/tls-server-key-file (pgBackRest); restart the service after replacing them.';
