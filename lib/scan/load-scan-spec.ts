import { db } from '../db';
import { openSecret } from '../crypto/envelope';
import { envKeyring } from '../crypto/keyring';
import { parseSecretReference, readSecretValue } from '../k8s/read-secret-value';
import { loadNetworkPolicy } from '../services/settings/load-network-policy';
import type { BackupSource, KubernetesRefs } from '../validations/target';
import { defaultPolicy, defaultTimeouts, type ScanSpec } from './scan-spec';
import { probeClientCert } from './probe-client-cert';

const ms = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v * 1000 : fallback;
};

/** Reads a target and resolves its credential for one scan. The password stays in memory only. */
export async function loadScanSpec(targetId: string): Promise<ScanSpec> {
  const t = await db.target.findUniqueOrThrow({ where: { id: targetId }, include: { credential: true } });
  const c = t.credential;
  let password: string | null = null;
  let passwordSource: ScanSpec['passwordSource'] = null;
  if (c?.source === 'manual' && c.ciphertext) {
    password = openSecret(envKeyring(), c.ciphertext);
    passwordSource = 'posture';
  } else if (c?.source === 'env' && c.reference) {
    password = process.env[c.reference] ?? null;
    passwordSource = 'env';
  } else if (c?.source === 'k8s_secret' && c.reference) {
    passwordSource = 'k8s-secret';
    const ref = parseSecretReference(c.reference, (t.k8s as KubernetesRefs | null)?.namespace);
    // An unreadable Secret leaves the login checks to skip; the k8s checks report the API error themselves.
    if (ref) password = await readSecretValue(ref, { kubeconfigPath: process.env.POSTURE_KUBECONFIG || undefined }).catch(() => null);
  }
  const backup = t.backupSource
    ? ({ source: t.backupSource === 'dump_dir' ? 'dump-dir' : t.backupSource, ...(t.backupConfig as object) } as BackupSource)
    : null;
  return {
    engine: t.engine,
    host: t.host,
    port: t.port,
    database: t.database,
    username: c?.username ?? null,
    password,
    passwordSource,
    rotatedAt: c?.rotatedAt?.toISOString() ?? null,
    caPem: t.caPem,
    allowPlaintextLogin: t.allowPlaintextLogin,
    tags: t.tags,
    kubernetes: (t.k8s as KubernetesRefs | null) ?? null,
    kube: { kubeconfigPath: process.env.POSTURE_KUBECONFIG || undefined, context: (t.k8s as KubernetesRefs | null)?.context },
    backup,
    policy: {
      passwordMaxAgeDays: t.passwordMaxAgeDays ?? defaultPolicy.passwordMaxAgeDays,
      backupMaxAgeHours: t.backupMaxAgeHours ?? defaultPolicy.backupMaxAgeHours,
    },
    network: await loadNetworkPolicy(db),
    timeouts: { connectMs: ms('POSTURE_CONNECT_TIMEOUT_SECONDS', defaultTimeouts.connectMs), probeMs: ms('POSTURE_PROBE_TIMEOUT_SECONDS', defaultTimeouts.probeMs) },
    clientCert: probeClientCert(),
  };
}
