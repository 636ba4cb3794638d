import { db } from '../db';
import { isLegacyCiphertext, openSecret } from '../crypto/envelope';
import { envKeyring } from '../crypto/keyring';
import { credentialBinding } from '../crypto/credential-binding';
import { envReferenceRefusal, secretNamespaceRefusal } from '../custody/judge-credential-reference';
import type { CustodyPolicy } from '../custody/custody-policy';
import { targetVariable, variable } from '../env';
import { parseSecretReference, readSecretValue } from '../k8s/read-secret-value';
import { custodyPolicySetting } from '../settings/custody-policy-setting';
import { networkPolicySetting } from '../settings/network-policy-setting';
import type { BackupSource, KubernetesRefs } from '../validations/target';
import { defaultPolicy, defaultTimeouts, type ScanSpec } from './scan-spec';
import { probeClientCert } from './probe-client-cert';
import { tlsScanObservationSchema } from '../validations/tls-scan';

const ms = (seconds: number | undefined, fallback: number) => (seconds === undefined ? fallback : seconds * 1000);

type Loaded = { password: string | null; source: ScanSpec['passwordSource']; withheld: string | null };
type TargetRow = NonNullable<Awaited<ReturnType<typeof readTarget>>>;

const readTarget = (id: string) => db.target.findUniqueOrThrow({ where: { id }, include: { credential: true, tlsScan: true } });

/**
 * Resolves the target's password for one scan, or says why it is withheld: a reference the custody policy no longer
 * allows, or a sealed password that does not open for this row and endpoint. The password stays in memory only.
 */
async function resolvePassword(t: TargetRow, custody: CustodyPolicy, kubeconfigPath: string | undefined): Promise<Loaded> {
  const c = t.credential;
  const namespace = (t.k8s as KubernetesRefs | null)?.namespace;
  if (c?.source === 'manual' && c.ciphertext) {
    if (isLegacyCiphertext(c.ciphertext)) return { password: null, source: 'posture', withheld: 'it was sealed before credentials were bound to their endpoint; restart Posture to upgrade it' };
    try {
      const binding = credentialBinding(t.id, { engine: t.engine, host: t.host, port: t.port, tlsServerName: t.tlsServerName, caPem: t.caPem });
      return { password: openSecret(envKeyring(), c.ciphertext, binding), source: 'posture', withheld: null };
    } catch (e) {
      return { password: null, source: 'posture', withheld: e instanceof Error ? e.message : String(e) };
    }
  }
  if (c?.source === 'env' && c.reference) {
    const why = envReferenceRefusal(c.reference, custody);
    return why ? { password: null, source: 'env', withheld: why } : { password: targetVariable(c.reference) ?? null, source: 'env', withheld: null };
  }
  if (c?.source === 'k8s_secret' && c.reference) {
    const ref = parseSecretReference(c.reference, namespace);
    const why = secretNamespaceRefusal(ref?.namespace, custody);
    if (why || !ref) return { password: null, source: 'k8s-secret', withheld: `the Secret ${why ?? 'reference cannot be read'}` };
    // An unreadable Secret leaves the login checks to skip; the k8s checks report the API error themselves.
    const password = await readSecretValue(ref, { kubeconfigPath }).catch(() => null);
    return { password, source: 'k8s-secret', withheld: null };
  }
  return { password: null, source: null, withheld: null };
}

/** Reads a target and resolves its credential for one scan. The password stays in memory only. */
export async function loadScanSpec(targetId: string): Promise<ScanSpec> {
  const t = await readTarget(targetId);
  const c = t.credential;
  const kubeconfigPath = variable('POSTURE_KUBECONFIG');
  const [custody, network] = await Promise.all([custodyPolicySetting.load(), networkPolicySetting.load()]);
  const { password, source, withheld } = await resolvePassword(t, custody, kubeconfigPath);
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
    passwordSource: source,
    credentialWithheld: withheld,
    rotatedAt: c?.rotatedAt?.toISOString() ?? null,
    caPem: t.caPem,
    tlsServerName: t.tlsServerName,
    tlsPinSha256: t.tlsPinSha256,
    allowPlaintextLogin: t.allowPlaintextLogin,
    tags: t.tags,
    kubernetes: (t.k8s as KubernetesRefs | null) ?? null,
    kube: { kubeconfigPath, context: (t.k8s as KubernetesRefs | null)?.context },
    backup,
    custody,
    policy: {
      passwordMaxAgeDays: t.passwordMaxAgeDays ?? defaultPolicy.passwordMaxAgeDays,
      backupMaxAgeHours: t.backupMaxAgeHours ?? defaultPolicy.backupMaxAgeHours,
    },
    network,
    timeouts: {
      connectMs: ms(variable('POSTURE_CONNECT_TIMEOUT_SECONDS'), defaultTimeouts.connectMs),
      probeMs: ms(variable('POSTURE_PROBE_TIMEOUT_SECONDS'), defaultTimeouts.probeMs),
    },
    clientCert: probeClientCert(),
    // a row that no longer reads as an enumeration (an older shape) is simply not reused
    tlsScanCache: t.tlsScan ? (tlsScanObservationSchema.safeParse(t.tlsScan.result).data ?? null) : null,
    tlsProfile: variable('POSTURE_TLS_PROFILE'),
  };
}
