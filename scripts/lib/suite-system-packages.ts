import type { SystemPackage } from './ensure-system-package';

const multiarch = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';

/** Every Debian package the test suite starts or drives; `npm test` provisions them before the first step. */
export const suiteSystemPackages: SystemPackage[] = [
  { binary: '/usr/bin/chromium', pkg: 'chromium', why: 'the browser the Playwright e2e tests drive' },
  { binary: '/usr/bin/redis-server', pkg: 'redis-server', why: 'the Redis engine tests and the lab start real Redis servers' },
  { binary: '/usr/bin/etcd', pkg: 'etcd-server', why: 'the etcd engine tests and Patroni members start real etcd servers' },
  { binary: '/usr/bin/patroni', pkg: 'patroni', why: "the Patroni tests run Patroni's own REST API and whole members" },
  { binary: '/usr/lib/postgresql/15/bin/pg_ctl', pkg: 'postgresql-15', why: 'Patroni manages a Debian PostgreSQL 15 in the member tests' },
  { binary: '/usr/bin/pgbackrest', pkg: 'pgbackrest', why: 'the pgBackRest TLS server tests start `pgbackrest server`' },
  { binary: '/usr/lib/rabbitmq/bin/rabbitmq-server', pkg: 'rabbitmq-server', why: 'the RabbitMQ engine tests start real brokers' },
  { binary: '/usr/bin/sslscan', pkg: 'sslscan', why: "the TLS enumeration tests compare Posture's findings with sslscan's on the same server" },
  { binary: `/usr/lib/${multiarch}/libtcl8.6.so`, pkg: 'libtcl8.6', why: 'the hardening test loads the untrusted pltclu language' },
];
