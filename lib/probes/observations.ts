/**
 * What probes report: facts observed on the network, never verdicts. Checks (lib/checks) turn these into
 * pass/warn/fail. Every field is JSON-serialisable, since observations become check evidence.
 */

/** Why a login did not happen although a credential exists: Posture kept it from an unproven server or by policy. */
export interface CredentialWithheld {
  reason: string;
  /** the served leaf's key (base64 SHA-256 of its SPKI) that an admin may pin; null when none was seen */
  spkiSha256: string | null;
}

export type ProbeOutcome<T> =
  | { status: 'ok'; data: T }
  | { status: 'skipped'; reason: string }
  | { status: 'error'; message: string; withheld?: CredentialWithheld };

export type ReachabilityClass = 'ok' | 'refused' | 'timeout' | 'dns' | 'unreachable' | 'reset' | 'error';

export interface ReachabilityObservation {
  reachable: boolean;
  classification: ReachabilityClass;
  /** the IP address actually dialled */
  address: string | null;
  connectMs: number | null;
  detail: string | null;
}

export type PgAuthMethod = 'trust' | 'cleartext' | 'md5' | 'scram-sha-256' | 'gss' | 'sspi' | 'other';

export interface TlsHandshake {
  protocol: string | null;
  cipher: string | null;
  alpn: string | null;
  /** served chain, leaf first, PEM */
  chainPem: string[];
}

export interface PgTlsObservation {
  /** the server's one-byte answer to SSLRequest: S (TLS offered), N (no TLS), or what else happened */
  sslResponse: 'S' | 'N' | 'error-response' | 'closed';
  handshake: TlsHandshake | null;
  handshakeError: string | null;
  /** PostgreSQL 17+ direct TLS (ALPN "postgresql") without SSLRequest */
  directTls: 'supported' | 'unsupported';
  /** the server's first reply to a plaintext StartupMessage; the probe disconnects before authenticating */
  plaintextLogin: {
    outcome: 'auth-requested' | 'auth-ok' | 'rejected' | 'closed' | 'error';
    method: PgAuthMethod | null;
    /** the server's error message, e.g. the pg_hba rejection */
    message: string | null;
  };
  /** whether a handshake capped at each legacy version succeeded */
  legacyTls: { 'TLSv1': 'accepted' | 'refused'; 'TLSv1.1': 'accepted' | 'refused' };
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  keyType: string;
  /** RSA modulus bits, or EC curve size in bits */
  keyBits: number | null;
  curve: string | null;
  signatureAlgorithm: string;
  fingerprint256: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo: what an admin pins to trust this server's key */
  spkiSha256?: string;
  subjectAltNames: string[];
  selfSigned: boolean;
}

export interface CertificateObservation {
  host: string;
  chain: CertificateInfo[];
  /** the earliest notAfter across the served chain, and whose it is */
  earliestNotAfter: string;
  earliestSubject: string;
  daysLeft: number;
  hostnameMatches: boolean;
  trusted: boolean;
  trustError: string | null;
  caSource: 'configured' | 'system';
}

export interface PgArchiverObservation {
  archiveMode: string;
  archiveCommandSet: boolean;
  archivedCount: number;
  lastArchivedAt: string | null;
  failedCount: number;
  lastFailedAt: string | null;
  lastFailedWal: string | null;
}

export interface PgSessionObservation {
  serverVersion: string;
  ssl: string;
  sslMinProtocolVersion: string;
  passwordEncryption: string;
  /** roles whose stored verifier is md5; null when pg_authid cannot be read by the probe role */
  md5Roles: string[] | null;
  /** rolvaliduntil of the probe's own role */
  roleValidUntil: string | null;
  archiver: PgArchiverObservation | null;
  /** privileges the probe lacked, said in evidence */
  limitations: string[];
}

/** A read the probe role may be refused: the check then errors and names the GRANT that would allow it. */
export type PgPrivilegedRead<T> = { status: 'ok'; data: T } | { status: 'denied'; message: string; grant: string };

/** One pg_hba.conf line as pg_hba_file_rules parses it (the file on disk, which may be newer than the loaded one). */
export interface PgHbaRule {
  line: number;
  /** local, host, hostssl, hostnossl, hostgssenc, hostnogssenc */
  type: string;
  databases: string[];
  users: string[];
  /** null for local lines; may be a keyword such as all, samehost, samenet */
  address: string | null;
  netmask: string | null;
  method: string;
  /** a line the server could not parse is ignored by it */
  error: string | null;
}

export interface PgRoleFacts {
  name: string;
  superuser: boolean;
  canLogin: boolean;
  createRole: boolean;
  createDb: boolean;
  replication: boolean;
  bypassRls: boolean;
  /** rolvaliduntil; 'infinity' or null means the password never expires */
  validUntil: string | null;
  /** roles it is a member of, directly or through others (pg_* predefined roles included) */
  memberOf: string[];
}

export interface PgExtensionFacts {
  name: string;
  version: string;
  schema: string;
  /** PUBLIC or non-superuser roles that may run its functions or use its foreign-data wrapper */
  nonSuperuserGrantees: string[];
}

export interface PgTableSecurity {
  /** schema.table as tagged */
  table: string;
  exists: boolean;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  policies: number;
}

export interface PgHardeningObservation {
  probeRole: string;
  /** the database the probe connected to: extensions, languages and tables are per database */
  database: string;
  serverVersion: string;
  serverVersionNum: number;
  /** pg_settings as the probe role sees them; a name absent here was hidden from the role */
  settings: Record<string, string>;
  /** superuser-only settings the role could not see (grant pg_read_all_settings) */
  hiddenSettings: string[];
  roles: PgRoleFacts[];
  hbaRules: PgPrivilegedRead<PgHbaRule[]>;
  databases: { name: string; publicConnect: boolean; publicTemp: boolean }[];
  /** null when the database has no schema named public */
  publicSchema: { publicCreate: boolean; publicUsage: boolean; owner: string } | null;
  languages: { name: string; trusted: boolean }[];
  extensions: PgExtensionFacts[];
  /** whether the server's packages ship pgcrypto (pg_available_extensions) */
  pgcryptoAvailable: boolean;
  /** the tables the inventory flags sensitive (tags sensitive:<schema>.<table>) */
  sensitiveTables: PgTableSecurity[];
}

export interface PasswordAgeObservation {
  source: 'posture' | 'k8s-secret' | 'none';
  rotatedAt: string | null;
  ageDays: number | null;
  policyDays: number;
  /** rolvaliduntil, when the server has one for the role */
  validUntil: string | null;
  /** only the length of a known secret, never the secret */
  /** the known secret is at least password.strength's minimum length; null when unknown. Its length is never recorded */
  secretLongEnough: boolean | null;
}

export interface K8sVolumeObservation {
  name: string;
  kind: 'pvc' | 'emptyDir' | 'hostPath' | 'secret' | 'configMap' | 'other';
  claimName: string | null;
  mountPaths: string[];
  /** true when mounted at the PostgreSQL data directory */
  isDataVolume: boolean;
}

export interface K8sStorageObservation {
  namespace: string;
  selector: string;
  pods: { name: string; phase: string; volumes: K8sVolumeObservation[] }[];
  pvcs: { name: string; phase: string; storageClass: string | null; capacity: string | null }[];
}

export interface K8sContainerObservation {
  name: string;
  image: string;
  /** an init container: runs before the database starts */
  init: boolean;
  /** effective values: the container's securityContext wins over the pod's; null when neither sets it */
  runAsNonRoot: boolean | null;
  runAsUser: number | null;
  allowPrivilegeEscalation: boolean | null;
  privileged: boolean | null;
  readOnlyRootFilesystem: boolean | null;
  capabilitiesAdd: string[];
  capabilitiesDrop: string[];
  hostPorts: number[];
  /** env vars whose names say they hold a password, and where the value comes from; values are never recorded */
  passwordEnv: { name: string; source: 'literal' | 'secret' | 'configMap' | 'field' | 'empty' }[];
  /** flags given a literal password on the command line, e.g. --requirepass */
  literalPasswordArgs: string[];
  /** a literal POSTGRES_USER-style login name, when the pod spec carries one */
  loginUser: string | null;
}

export interface K8sTlsKeyFileObservation {
  pod: string;
  volume: string;
  secretName: string;
  /** where the key lands in the container; "<mount>/*" when every key of the Secret is projected */
  path: string;
  mode: number;
  modeSource: 'items.mode' | 'defaultMode' | 'kubernetes default (0644)';
  /** an init container that mounts the volume and runs chmod on it, e.g. fix-tls-permissions */
  chmodByInit: string | null;
}

export interface K8sServiceObservation {
  name: string;
  type: string;
  ports: number[];
  nodePorts: number[];
  externalIPs: string[];
  loadBalancerIngress: string[];
}

export interface K8sPolicyPeer {
  peer: string;
  /** anywhere: any source at all; cluster: any pod in any namespace; namespace: any pod of one namespace; named: chosen pods, namespaces or CIDRs */
  scope: 'anywhere' | 'cluster' | 'namespace' | 'named';
}

export interface K8sNetworkPolicyObservation {
  name: string;
  /** effective policy types (Ingress when the policy names none) */
  policyTypes: string[];
  /** database pods this policy selects */
  selects: string[];
  /** one entry per ingress rule: who may connect and how wide that is; a rule without `from` admits anywhere */
  ingress: { from: K8sPolicyPeer[]; ports: string[] }[];
}

/** A list read on its own: a refused list (RBAC) costs only the checks that need it. */
export type K8sListRead<T> = { status: 'ok'; items: T[] } | { status: 'error'; message: string };

export interface K8sWorkloadObservation {
  namespace: string;
  selector: string;
  pods: {
    name: string;
    phase: string;
    hostNetwork: boolean;
    containers: K8sContainerObservation[];
  }[];
  tlsKeyFiles: K8sTlsKeyFileObservation[];
  /** Services in the namespace whose selector picks the database pods */
  services: K8sListRead<K8sServiceObservation>;
  /** NetworkPolicies in the namespace; `selects` says which database pods each covers */
  networkPolicies: K8sListRead<K8sNetworkPolicyObservation>;
}

export interface K8sTlsSecretObservation {
  namespace: string;
  secretName: string;
  /** the Secret key the certificate was read from, e.g. tls.crt */
  key: string;
  /** the leaf (first) certificate in that key; the private key is never kept */
  subject: string;
  serialNumber: string;
  notAfter: string;
  fingerprint256: string;
}

export interface BackupObservation {
  source: 'pgbackrest' | 'dump-dir' | 'cronjob';
  newestSuccessAt: string | null;
  ageHours: number | null;
  policyHours: number;
  /** null when the source cannot tell */
  encrypted: boolean | null;
  detail: Record<string, string | number | boolean | null>;
}

/** How a port answered a plaintext greeting of the engine's own protocol (Redis PING, AMQP header, HTTP GET). */
export interface PlaintextPortObservation {
  port: number;
  /** refused: nothing listens; speaks-protocol: a plaintext answer came back; closed/other/no-answer: something listens that did not answer in plaintext */
  answer: 'refused' | 'speaks-protocol' | 'closed' | 'other' | 'no-answer' | 'error';
  /** the first line of the answer, or the connection error; never a credential */
  detail: string | null;
}

/** A TLS handshake on one port: what was negotiated and served, or why it failed. */
export interface TlsEndpointObservation {
  port: number;
  handshake: TlsHandshake | null;
  error: string | null;
}

export interface RedisUser {
  name: string;
  enabled: boolean;
  nopass: boolean;
  /** how many password hashes the user has; the hashes themselves are never kept */
  passwords: number;
  /** the key, channel and command rules of ACL LIST, without passwords or hashes */
  rules: string;
}

export interface RedisObservation {
  tls: TlsEndpointObservation;
  /** the target port when it refused TLS, and the plaintext port the inventory names (or 6379) */
  plaintext: PlaintextPortObservation[];
  /** the target carries the tag `store`: Redis holds data of record, not a cache */
  markedAsStore: boolean;
  /** how the probe talked to Redis after the handshake: over TLS, unauthenticated plaintext, or not at all */
  session: 'tls' | 'plaintext' | 'none';
  /** the reply to PING before any AUTH: +PONG, -NOAUTH …, -DENIED … (protected mode) */
  unauthenticatedReply: string | null;
  login: 'not-needed' | 'ok' | 'rejected' | 'no-credential' | 'not-over-plaintext' | 'withheld' | 'not-attempted';
  loginMessage: string | null;
  /** set when the server asked for a password and Posture kept it back (unverified certificate, custody policy) */
  withheld?: CredentialWithheld | null;
  whoami: string | null;
  /** ACL LIST, sanitised; null when the probe user may not run it */
  users: RedisUser[] | null;
  /** from ACL LIST or ACL GETUSER default */
  defaultUser: { enabled: boolean; nopass: boolean; passwords: number } | null;
  /** COMMAND INFO: false when renamed away (rename-command … "") */
  commands: { name: string; present: boolean | null }[];
  /** ACL DRYRUN per enabled user and dangerous command: nothing is executed */
  grants: { user: string; command: string; allowed: boolean | null; reply: string }[];
  config: { protectedMode: string | null; appendonly: string | null; enableDebugCommand: string | null };
  aofEnabled: boolean | null;
  limitations: string[];
}

/** One HTTP request and what came back: a status and the start of the body, or why there was none. */
export interface HttpExchangeObservation {
  status: number | null;
  headers: Record<string, string>;
  /** the first 8 KiB of the body */
  body: string | null;
  /** the connection or TLS error when no response came, e.g. a refused client certificate */
  error: string | null;
}

export interface EtcdObservation {
  tls: TlsEndpointObservation;
  /** GET /version in clear on the client port */
  plaintext: PlaintextPortObservation;
  /** GET /version over TLS presenting no client certificate */
  withoutClientCert: HttpExchangeObservation;
  /** Posture has a client certificate configured and used it for the requests below */
  clientCertUsed: boolean;
  version: string | null;
  /** POST /v3/kv/range (count_only, no token) for a key of Posture's own: refused when auth is enabled; null when TLS stopped the probe first */
  unauthenticatedRead: HttpExchangeObservation | null;
}

export interface PgBackRestServerObservation {
  tls: TlsEndpointObservation;
  /** the greeting pgBackRest sends after the handshake; null when none came */
  greeting: { name: string | null; service: string | null; version: string | null } | null;
  /**
   * What a client presenting no certificate got: the handshake refused, or (pgBackRest 2.x) the greeting and then
   * a closed session — only ping is served to unauthenticated clients — or a session left open for commands.
   */
  withoutClientCert: 'handshake-refused' | 'closed-after-greeting' | 'session-open' | 'no-greeting' | 'error';
  detail: string | null;
}

export interface PatroniObservation {
  tls: TlsEndpointObservation;
  /** GET /patroni in clear on the REST API port */
  plaintext: PlaintextPortObservation;
  /** GET /patroni over TLS (read-only): the status, and Patroni's version and scope when the body says */
  status: { httpStatus: number | null; version: string | null; scope: string | null; error: string | null };
  /**
   * Anonymous unsafe calls whose body is not JSON: Patroni checks access first (401/403), and only then parses the
   * body (400) and returns before acting. POST /restart and /reinitialize are never sent.
   */
  unsafeCalls: { method: string; path: string; httpStatus: number | null; answer: string | null }[];
}

export interface RabbitMqObservation {
  tls: TlsEndpointObservation;
  /** Connection.Start read over TLS after the AMQP protocol header; null when none came */
  amqps: { protocol: string; product: string | null; version: string | null; mechanisms: string[] } | null;
  amqpsError: string | null;
  /** the target port when it refused TLS, and the plaintext AMQP port (the plaintext-port tag, else 5672) */
  plaintext: PlaintextPortObservation[];
  /** a PLAIN login as guest/guest (public default credentials) — never the probe's own; no channel is opened */
  guest: {
    outcome: 'accepted' | 'refused' | 'not-attempted' | 'error';
    via: 'tls' | 'plaintext' | null;
    /** the broker saw the probe come from loopback, where RabbitMQ's default loopback_users still lets guest in */
    fromLoopback: boolean | null;
    code: number | null;
    message: string | null;
  };
  /** the management API: GET /api/overview over HTTPS on the management port, and in clear on the plaintext one */
  management: {
    port: number;
    httpsStatus: number | null;
    httpsError: string | null;
    plaintext: PlaintextPortObservation;
    /** the chain the HTTPS listener served, when a handshake completed */
    handshake?: TlsHandshake | null;
    /** that chain judged by the certificate module, against the target's CA bundle (filled in by the scan) */
    certificate?: CertificateObservation | null;
  };
}

/** Everything one scan of one target observed, keyed by probe. */
export interface Observations {
  target: { engine: string; host: string; port: number; database: string | null };
  reachability: ProbeOutcome<ReachabilityObservation>;
  pgTls: ProbeOutcome<PgTlsObservation>;
  certificate: ProbeOutcome<CertificateObservation>;
  pgSession: ProbeOutcome<PgSessionObservation>;
  passwordAge: ProbeOutcome<PasswordAgeObservation>;
  k8sStorage: ProbeOutcome<K8sStorageObservation>;
  /** pod security, Services, NetworkPolicies and TLS key volumes of the database's pods */
  k8sWorkload: ProbeOutcome<K8sWorkloadObservation>;
  /** the certificate held in the TLS Secret the pods mount */
  k8sTlsSecret: ProbeOutcome<K8sTlsSecretObservation>;
  backup: ProbeOutcome<BackupObservation>;
  /** pg_settings, pg_hba_file_rules, roles, privileges, languages and extensions, read as the probe role */
  pgHardening: ProbeOutcome<PgHardeningObservation>;
  /** the target's inventory tags: checks read policy from them (encryption:required, password-expiry:required, sensitive:<schema>.<table>) */
  tags?: string[];
  /** engine probes: set for targets of that engine only */
  redis?: ProbeOutcome<RedisObservation>;
  etcd?: ProbeOutcome<EtcdObservation>;
  pgbackrestServer?: ProbeOutcome<PgBackRestServerObservation>;
  patroni?: ProbeOutcome<PatroniObservation>;
  rabbitmq?: ProbeOutcome<RabbitMqObservation>;
  /** set by an admin per target: a plaintext SCRAM login is tolerated for probing */
  allowPlaintextLogin: boolean;
  /** ISO time the scan observed at; checks judge dates against it (default: now), so they stay pure and testable */
  now?: string;
}
