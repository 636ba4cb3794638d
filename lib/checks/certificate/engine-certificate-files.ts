/**
 * Where each engine keeps its certificate and key, and how it picks up new ones: the closing lines of every
 * certificate remediation, one per engine (a target's page keeps only its engine's line).
 */
export const engineCertificateFiles = `  PostgreSQL: ssl_cert_file and ssl_key_file (key chmod 0600, owned by postgres), then as a superuser: SELECT pg_reload_conf();
  Redis: tls-cert-file and tls-key-file, then: redis-cli -h <host> -p <port> --tls CONFIG SET tls-cert-file /path/server.crt (or restart redis-server)
  RabbitMQ: ssl_options.certfile and ssl_options.keyfile in rabbitmq.conf, then: rabbitmqctl eval 'ssl:clear_pem_cache().' (or restart rabbitmq-server)
  Patroni: restapi.certfile and restapi.keyfile in patroni.yml, then: patronictl reload <cluster>
  etcd: --cert-file and --key-file, then restart the members one at a time: systemctl restart etcd
  pgBackRest: tls-server-cert-file and tls-server-key-file in pgbackrest.conf, then: systemctl restart pgbackrest`;
