import type { CertificateInfo } from '../probes/observations/certificate';
import type { K8sContainerObservation } from '../probes/observations/kubernetes';
import type { Observations } from '../probes/observations/observations';
import type { PgHardeningObservation, PgRoleFacts } from '../probes/observations/postgresql';
import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import type { RedisObservation } from '../probes/observations/redis';
import type { EtcdObservation } from '../probes/observations/etcd';
import type { PgBackRestServerObservation } from '../probes/observations/pgbackrest';
import type { PatroniObservation } from '../probes/observations/patroni';
import type { RabbitMqObservation } from '../probes/observations/rabbitmq';

/** The scan clock every fixture is built around. */
export const FIXED_NOW = '2026-11-23T12:00:00.000Z';
const nowMs = Date.parse(FIXED_NOW);

export const ok = <T>(data: T): ProbeOutcome<T> => ({ status: 'ok', data });
export const skipped = (reason: string): ProbeOutcome<never> => ({ status: 'skipped', reason });
export const failed = (message: string): ProbeOutcome<never> => ({ status: 'error', message });

export const hoursFromNow = (h: number) => new Date(nowMs + h * 3_600_000).toISOString();
export const daysFromNow = (d: number) => hoursFromNow(d * 24);

export function certInfo(patch: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: 'CN=db.example.com',
    issuer: 'CN=Example Issuing CA',
    serialNumber: '01',
    notBefore: daysFromNow(-30),
    notAfter: daysFromNow(335),
    keyType: 'rsa',
    keyBits: 4096,
    curve: null,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    fingerprint256: 'AA:BB',
    subjectAltNames: ['DNS:db.example.com'],
    selfSigned: false,
    ...patch,
  };
}

/** A container with the restricted Pod Security Standard's settings; override per case. */
export function hardenedContainer(patch: Partial<K8sContainerObservation> = {}): K8sContainerObservation {
  return {
    name: 'postgres',
    image: 'postgres:17-alpine',
    init: false,
    runAsNonRoot: true,
    runAsUser: 70,
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    capabilitiesAdd: [],
    capabilitiesDrop: ['ALL'],
    hostPorts: [],
    passwordEnv: [{ name: 'POSTGRES_PASSWORD', source: 'secret' }],
    literalPasswordArgs: [],
    loginUser: 'app',
    ...patch,
  };
}

/** A role with no attributes; override per case. */
export function pgRole(name: string, patch: Partial<PgRoleFacts> = {}): PgRoleFacts {
  return { name, superuser: false, canLogin: true, createRole: false, createDb: false, replication: false, bypassRls: false, validUntil: null, memberOf: [], ...patch };
}

/** A hardened PostgreSQL 17 as a probe role with pg_read_all_settings and the pg_hba_file_rules grants sees it. */
export function hardenedPostgres(): PgHardeningObservation {
  return {
    probeRole: 'posture_probe',
    database: 'app',
    serverVersion: '17.10',
    serverVersionNum: 170010,
    settings: {
      port: '5433',
      listen_addresses: '10.0.0.7',
      ssl: 'on',
      ssl_prefer_server_ciphers: 'on',
      ssl_ciphers: 'HIGH:!aNULL:!MD5:!3DES',
      shared_preload_libraries: 'pg_stat_statements,pgaudit',
      'pgaudit.log': 'ddl,role,write',
      log_connections: 'on',
      log_disconnections: 'on',
      log_line_prefix: '%m [%p] user=%u,db=%d,app=%a,client=%h ',
      log_statement: 'ddl',
      log_min_duration_statement: '1000',
      logging_collector: 'on',
      log_destination: 'stderr',
      log_file_mode: '0600',
      log_min_messages: 'warning',
      log_min_error_statement: 'error',
    },
    hiddenSettings: [],
    roles: [
      pgRole('app', { validUntil: daysFromNow(60) }),
      pgRole('postgres', { superuser: true, createRole: true, createDb: true, replication: true, bypassRls: true, validUntil: daysFromNow(60) }),
      pgRole('posture_probe', { validUntil: daysFromNow(60), memberOf: ['pg_monitor', 'pg_read_all_settings', 'pg_read_all_stats', 'pg_stat_scan_tables'] }),
    ],
    hbaRules: {
      status: 'ok',
      data: [
        { line: 1, type: 'local', databases: ['all'], users: ['postgres'], address: null, netmask: null, method: 'peer', error: null },
        { line: 2, type: 'hostnossl', databases: ['all'], users: ['all'], address: '0.0.0.0', netmask: '0.0.0.0', method: 'reject', error: null },
        { line: 3, type: 'hostssl', databases: ['app'], users: ['app', 'posture_probe'], address: '10.0.0.0', netmask: '255.0.0.0', method: 'scram-sha-256', error: null },
        { line: 4, type: 'hostssl', databases: ['all'], users: ['postgres'], address: '127.0.0.1', netmask: '255.255.255.255', method: 'scram-sha-256', error: null },
      ],
    },
    databases: [{ name: 'app', publicConnect: false, publicTemp: false }, { name: 'postgres', publicConnect: false, publicTemp: false }],
    publicSchema: { owner: 'pg_database_owner', publicCreate: false, publicUsage: true },
    languages: [{ name: 'plpgsql', trusted: true }],
    extensions: [
      { name: 'pgcrypto', version: '1.3', schema: 'public', nonSuperuserGrantees: ['PUBLIC'] },
      { name: 'plpgsql', version: '1.0', schema: 'pg_catalog', nonSuperuserGrantees: [] },
    ],
    pgcryptoAvailable: true,
    sensitiveTables: [{ table: 'public.salaries', exists: true, rowSecurity: true, forceRowSecurity: true, policies: 1 }],
  };
}

/** A PostgreSQL target on Kubernetes that passes every check. Build a fresh one per case and override. */
export function healthyObservations(): Observations {
  const leaf = certInfo();
  const ca = certInfo({ subject: 'CN=Example Issuing CA', issuer: 'CN=Example Root CA', notAfter: daysFromNow(2000), subjectAltNames: [] });
  return {
    target: { engine: 'postgresql', host: 'db.example.com', port: 5433, database: 'app' },
    tags: ['encryption:required', 'password-expiry:required', 'sensitive:public.salaries'],
    now: FIXED_NOW,
    allowPlaintextLogin: false,
    reachability: ok({ reachable: true, classification: 'ok', address: '10.0.0.7', connectMs: 3, detail: null }),
    pgTls: ok({
      sslResponse: 'S',
      handshake: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: null, chainPem: ['leaf', 'ca'] },
      handshakeError: null,
      directTls: 'unsupported',
      plaintextLogin: { outcome: 'rejected', method: null, message: 'no pg_hba.conf entry for host "10.0.0.9", user "posture", database "app", no encryption' },
      legacyTls: { TLSv1: 'refused', 'TLSv1.1': 'refused' },
    }),
    certificate: ok({
      host: 'db.example.com',
      chain: [leaf, ca],
      earliestNotAfter: leaf.notAfter,
      earliestSubject: leaf.subject,
      daysLeft: 335,
      hostnameMatches: true,
      trusted: true,
      trustError: null,
      caSource: 'configured',
    }),
    pgSession: ok({
      serverVersion: '17.10',
      ssl: 'on',
      sslMinProtocolVersion: 'TLSv1.2',
      passwordEncryption: 'scram-sha-256',
      md5Roles: [],
      roleValidUntil: null,
      archiver: {
        archiveMode: 'on',
        archiveCommandSet: true,
        archivedCount: 1200,
        lastArchivedAt: hoursFromNow(-1),
        failedCount: 0,
        lastFailedAt: null,
        lastFailedWal: null,
      },
      limitations: [],
    }),
    passwordAge: ok({ source: 'posture', rotatedAt: daysFromNow(-20), ageDays: 20, policyDays: 90, validUntil: null, secretLongEnough: true }),
    k8sStorage: ok({
      namespace: 'db',
      selector: 'app=postgres',
      pods: [
        {
          name: 'postgres-0',
          phase: 'Running',
          volumes: [
            { name: 'data', kind: 'pvc', claimName: 'data-postgres-0', mountPaths: ['/var/lib/postgresql/data'], isDataVolume: true },
            { name: 'tls', kind: 'secret', claimName: null, mountPaths: ['/tls'], isDataVolume: false },
          ],
        },
      ],
      pvcs: [{ name: 'data-postgres-0', phase: 'Bound', storageClass: 'standard', capacity: '20Gi' }],
    }),
    k8sWorkload: ok({
      namespace: 'db',
      selector: 'app=postgres',
      pods: [{ name: 'postgres-0', phase: 'Running', hostNetwork: false, containers: [hardenedContainer()] }],
      tlsKeyFiles: [{ pod: 'postgres-0', volume: 'tls', secretName: 'postgres-tls', path: '/tls/tls.key', mode: 0o600, modeSource: 'items.mode', chmodByInit: null }],
      services: { status: 'ok', items: [{ name: 'postgres', type: 'ClusterIP', ports: [5432], nodePorts: [], externalIPs: [], loadBalancerIngress: [] }] },
      networkPolicies: {
        status: 'ok',
        items: [
          {
            name: 'postgres-ingress',
            policyTypes: ['Ingress'],
            selects: ['postgres-0'],
            ingress: [{ from: [{ peer: 'pods app=api in db', scope: 'named' }], ports: ['TCP/5432'] }],
          },
        ],
      },
    }),
    k8sTlsSecret: ok({ namespace: 'db', secretName: 'postgres-tls', key: 'tls.crt', subject: leaf.subject, serialNumber: leaf.serialNumber, notAfter: leaf.notAfter, fingerprint256: leaf.fingerprint256 }),
    pgHardening: ok(hardenedPostgres()),
    backup: ok({ source: 'pgbackrest', newestSuccessAt: hoursFromNow(-5), ageHours: 5, policyHours: 26, encrypted: true, detail: { stanza: 'main' } }),
  };
}

type OkData<K extends keyof Observations> = Observations[K] extends ProbeOutcome<infer T> ? T : never;
type ProbeKey = 'reachability' | 'pgTls' | 'certificate' | 'pgSession' | 'pgHardening' | 'passwordAge' | 'k8sStorage' | 'k8sWorkload' | 'k8sTlsSecret' | 'backup';

/** The healthy observations with one probe's data shallow-patched. */
export function withData<K extends ProbeKey>(key: K, patch: Partial<OkData<K>>): Observations {
  const obs = healthyObservations();
  const current = obs[key] as ProbeOutcome<OkData<K>>;
  if (current.status !== 'ok') throw new Error(`fixture ${key} is not ok`);
  return { ...obs, [key]: ok({ ...(current.data as object), ...patch }) };
}

/** The healthy observations with one probe's whole outcome replaced. */
export function withOutcome<K extends ProbeKey>(key: K, outcome: Observations[K]): Observations {
  return { ...healthyObservations(), [key]: outcome };
}

/** A TLS-only Redis with ACL users, the default user off, dangerous commands denied and AOF on (tagged store). */
export function healthyRedis(): RedisObservation {
  return {
    tls: { port: 6379, handshake: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: null, chainPem: ['leaf'] }, error: null },
    plaintext: [{ port: 6380, answer: 'refused', detail: 'connect ECONNREFUSED 10.0.0.8:6380' }],
    markedAsStore: true,
    session: 'tls',
    unauthenticatedReply: '-NOAUTH Authentication required.',
    login: 'ok',
    loginMessage: null,
    whoami: 'posture',
    users: [
      { name: 'app', enabled: true, nopass: false, passwords: 1, rules: '~app:* &* +@all -@dangerous' },
      { name: 'default', enabled: false, nopass: false, passwords: 0, rules: 'resetchannels -@all' },
      { name: 'posture', enabled: true, nopass: false, passwords: 1, rules: '~* &* -@all +ping +info +acl|list +acl|dryrun +config|get' },
    ],
    defaultUser: { enabled: false, nopass: false, passwords: 0 },
    commands: ['flushall', 'flushdb', 'config', 'debug'].map((name) => ({ name, present: true })),
    grants: ['app', 'posture'].flatMap((user) =>
      ['FLUSHALL', 'FLUSHDB', 'CONFIG SET', 'DEBUG'].map((command) => ({ user, command, allowed: false, reply: `This user has no permissions to run the '${command.toLowerCase()}' command` })),
    ),
    config: { protectedMode: 'yes', appendonly: 'yes', enableDebugCommand: 'no' },
    aofEnabled: true,
    limitations: [],
  };
}

/** Redis target observations with the healthy Redis probe patched. */
export function redisObservations(patch: Partial<RedisObservation> = {}): Observations {
  return {
    ...healthyObservations(),
    target: { engine: 'redis', host: 'db.example.com', port: 6379, database: null },
    redis: ok({ ...healthyRedis(), ...patch }),
  };
}

/** An etcd with TLS, --client-cert-auth and auth enabled, read with Posture's client certificate. */
export function healthyEtcd(): EtcdObservation {
  return {
    tls: { port: 2379, handshake: { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', alpn: null, chainPem: ['leaf'] }, error: null },
    plaintext: { port: 2379, answer: 'closed', detail: 'closed without answering' },
    withoutClientCert: { status: null, headers: {}, body: null, error: 'tlsv13 alert certificate required' },
    clientCertUsed: true,
    version: '3.4.23',
    unauthenticatedRead: { status: 400, headers: {}, body: 'CommonName of client sending a request against gateway will be ignored and not used as expected', error: null },
  };
}

export function etcdObservations(patch: Partial<EtcdObservation> = {}): Observations {
  return { ...healthyObservations(), target: { engine: 'etcd', host: 'db.example.com', port: 2379, database: null }, etcd: ok({ ...healthyEtcd(), ...patch }) };
}

/** A pgBackRest TLS server that disconnects clients without a certificate right after its greeting. */
export function pgbackrestServerObservations(patch: Partial<PgBackRestServerObservation> = {}): Observations {
  const healthy: PgBackRestServerObservation = {
    tls: { port: 8432, handshake: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: null, chainPem: ['leaf'] }, error: null },
    greeting: { name: 'pgBackRest', service: 'remote', version: '2.45' },
    withoutClientCert: 'closed-after-greeting',
    detail: 'closed 2 ms after the greeting',
  };
  return { ...healthyObservations(), target: { engine: 'pgbackrest', host: 'db.example.com', port: 8432, database: null }, pgbackrestServer: ok({ ...healthy, ...patch }) };
}

/** A Patroni REST API on 8443 over TLS whose unsafe endpoints answer 401 to anonymous calls. */
export function patroniObservations(patch: Partial<PatroniObservation> = {}, port = 8443): Observations {
  const healthy: PatroniObservation = {
    tls: { port, handshake: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: null, chainPem: ['leaf'] }, error: null },
    plaintext: { port, answer: 'closed', detail: 'closed without answering' },
    status: { httpStatus: 200, version: '3.0.2', scope: 'main', error: null },
    unsafeCalls: [
      { method: 'PATCH', path: '/config', httpStatus: 401, answer: 'no auth header received' },
      { method: 'PUT', path: '/config', httpStatus: 401, answer: 'no auth header received' },
      { method: 'POST', path: '/switchover', httpStatus: 401, answer: 'no auth header received' },
      { method: 'POST', path: '/failover', httpStatus: 401, answer: 'no auth header received' },
    ],
  };
  return { ...healthyObservations(), target: { engine: 'patroni', host: 'db.example.com', port, database: null }, patroni: ok({ ...healthy, ...patch }) };
}

/** A RabbitMQ broker with AMQPS only, guest deleted, and the management API over HTTPS only. */
export function healthyRabbitMq(): RabbitMqObservation {
  return {
    tls: { port: 5671, handshake: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: null, chainPem: ['leaf'] }, error: null },
    amqps: { protocol: 'AMQP 0-9', product: 'RabbitMQ', version: '3.10.8', mechanisms: ['PLAIN', 'AMQPLAIN'] },
    amqpsError: null,
    plaintext: [{ port: 5672, answer: 'refused', detail: 'connect ECONNREFUSED 10.0.0.9:5672' }],
    guest: { outcome: 'refused', via: 'tls', fromLoopback: false, code: 403, message: 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN.' },
    management: { port: 15671, httpsStatus: 401, httpsError: null, plaintext: { port: 15672, answer: 'refused', detail: 'connect ECONNREFUSED 10.0.0.9:15672' } },
  };
}

export function rabbitmqObservations(patch: Partial<RabbitMqObservation> = {}): Observations {
  return { ...healthyObservations(), target: { engine: 'rabbitmq', host: 'db.example.com', port: 5671, database: null }, rabbitmq: ok({ ...healthyRabbitMq(), ...patch }) };
}
