/**
 * What probes report: facts observed on the network, never verdicts. Checks (lib/checks) turn these into
 * pass/warn/fail. Every field is JSON-serialisable, since observations become check evidence.
 */
import type { ProbeOutcome } from './probe-outcome';
import type { ReachabilityObservation } from './reachability';
import type { CertificateObservation } from './certificate';
import type { PgTlsObservation, PgSessionObservation, PgHardeningObservation } from './postgresql';
import type { PasswordAgeObservation } from './password-age';
import type { K8sStorageObservation, K8sWorkloadObservation, K8sTlsSecretObservation } from './kubernetes';
import type { BackupObservation } from './backup';
import type { RedisObservation } from './redis';
import type { EtcdObservation } from './etcd';
import type { PgBackRestServerObservation } from './pgbackrest';
import type { PatroniObservation } from './patroni';
import type { RabbitMqObservation } from './rabbitmq';
import type { TlsScanObservation } from './tls-scan';

/** Everything one scan of one target observed, keyed by probe. */
export interface Observations {
  /** the inventory's view of the target; user, namespace and stanza only fill in remediation commands */
  target: { engine: string; host: string; port: number; database: string | null; user?: string | null; namespace?: string | null; stanza?: string | null };
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
  /** the deep TLS enumeration of the listener that served the certificate (absent in observations stored before it) */
  tlsScan?: ProbeOutcome<TlsScanObservation>;
  /** Mozilla's server-side TLS profile tls.mozilla_profile holds targets to, unless a `tls-profile:` tag says otherwise */
  tlsProfile?: 'intermediate' | 'modern';
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
