import { intermediateCipherString, mozillaTlsProfiles } from './mozilla-tls-profiles';

const tls13 = mozillaTlsProfiles.intermediate.tls13Suites.join(':');
/** etcd (Go) takes IANA names; these are the ECDHE suites of the intermediate profile (Go has no DHE). */
export const etcdIntermediateSuites = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
].join(',');

/**
 * How each engine is held to Mozilla's intermediate profile (TLS 1.2 and 1.3, forward-secret AEAD suites only):
 * one labelled line per engine, so a target's page keeps only its own.
 */
export const engineTlsSettings = `  PostgreSQL: ALTER SYSTEM SET ssl_min_protocol_version = 'TLSv1.2'; ALTER SYSTEM SET ssl_ciphers = '${intermediateCipherString}'; ALTER SYSTEM SET ssl_ecdh_curve = 'prime256v1'; SELECT pg_reload_conf();
  Redis: in redis.conf: tls-protocols "TLSv1.2 TLSv1.3", tls-ciphers ${intermediateCipherString}, tls-ciphersuites ${tls13}, then restart redis-server
  RabbitMQ: in rabbitmq.conf: ssl_options.versions.1 = tlsv1.3, ssl_options.versions.2 = tlsv1.2, and one ssl_options.ciphers.N line per suite of ${tls13}:${intermediateCipherString} (Erlang needs the TLS 1.3 suites listed too), then restart rabbitmq-server
  Patroni: in patroni.yml: restapi.ciphers: '${intermediateCipherString}' (Python's ssl module already refuses TLS below 1.2), then: patronictl reload <cluster>
  etcd: --cipher-suites=${etcdIntermediateSuites} (etcd 3.5 and later: also --tls-min-version=TLS1.2), then restart the members one at a time
  pgBackRest: it has no cipher setting and uses OpenSSL's defaults: set MinProtocol = TLSv1.2 and CipherString = ${intermediateCipherString} in the openssl.cnf its service reads, then: systemctl restart pgbackrest`;
