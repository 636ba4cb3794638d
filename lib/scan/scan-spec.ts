import type { NetworkPolicy } from '../network/network-policy';
import type { CustodyPolicy } from '../custody/custody-policy';
import type { BackupSource, KubernetesRefs } from '../validations/target';
import type { TlsScanObservation } from '../probes/observations/tls-scan';

/** Everything one scan needs to know about one target, already resolved: no store access during probing. */
export interface ScanSpec {
  engine: string;
  host: string;
  port: number;
  database: string | null;
  username: string | null;
  /** the decrypted password, held only in memory for the duration of the scan */
  password: string | null;
  /** where the password came from, for password.age and password.strength */
  passwordSource: 'posture' | 'env' | 'k8s-secret' | null;
  /** why the stored credential is not released for this scan (custody policy, binding); null when it is */
  credentialWithheld?: string | null;
  rotatedAt: string | null;
  caPem: string | null;
  /** the name the certificate must be issued for; the host when null */
  tlsServerName?: string | null;
  /** an admin-pinned leaf key (base64 SHA-256 of its SPKI) a login may also go to */
  tlsPinSha256?: string | null;
  allowPlaintextLogin: boolean;
  kubernetes: KubernetesRefs | null;
  kube: { kubeconfigPath?: string; context?: string };
  backup: BackupSource | null;
  policy: { passwordMaxAgeDays: number; backupMaxAgeHours: number };
  timeouts: { connectMs: number; probeMs: number };
  /** inventory tags: hardening checks read policy from them (encryption:required, sensitive:<schema>.<table>, …), engine probes read `store` and `plaintext-port:<n>`-style hints */
  tags?: string[];
  /** the admin's custody policy (backup commands and folders are judged again at scan time); absent for the CLI, whose operator chooses them */
  custody?: CustodyPolicy;
  /** which private addresses probes may reach (the admin's allow-list); the defaults when absent */
  network?: NetworkPolicy;
  /** the last complete TLS enumeration stored for this target, reused while the leaf and server version hold */
  tlsScanCache?: TlsScanObservation | null;
  /** Mozilla's server-side TLS profile the fleet is held to (POSTURE_TLS_PROFILE); a `tls-profile:` tag overrides it */
  tlsProfile?: 'intermediate' | 'modern';
  /** the client certificate Posture presents to listeners that require one (etcd, pgBackRest) */
  clientCert?: { certPem: string; keyPem: string } | null;
}

export const defaultPolicy = { passwordMaxAgeDays: 90, backupMaxAgeHours: 26 };
export const defaultTimeouts = { connectMs: 5_000, probeMs: 20_000 };
