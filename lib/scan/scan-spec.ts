import type { BackupSource, KubernetesRefs } from '../validations/target';

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
  rotatedAt: string | null;
  caPem: string | null;
  allowPlaintextLogin: boolean;
  kubernetes: KubernetesRefs | null;
  kube: { kubeconfigPath?: string; context?: string };
  backup: BackupSource | null;
  policy: { passwordMaxAgeDays: number; backupMaxAgeHours: number };
  timeouts: { connectMs: number; probeMs: number };
  /** inventory tags; engine probes read `store` and `plaintext-port:<n>`-style hints from them */
  tags?: string[];
  /** the client certificate Posture presents to listeners that require one (etcd, pgBackRest) */
  clientCert?: { certPem: string; keyPem: string } | null;
}

export const defaultPolicy = { passwordMaxAgeDays: 90, backupMaxAgeHours: 26 };
export const defaultTimeouts = { connectMs: 5_000, probeMs: 20_000 };
