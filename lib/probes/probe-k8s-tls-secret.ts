import { parsePemCertificates } from '../crypto/parse-pem-certificates';
import { callKube } from '../k8s/call-kube';
import { createKubeClient, type KubeAccess } from '../k8s/create-kube-client';
import { describeKubeError } from '../k8s/describe-kube-error';
import type { K8sTlsSecretObservation } from './observations/kubernetes';
import type { ProbeOutcome } from './observations/probe-outcome';

export interface K8sTlsSecretProbeInput {
  namespace: string;
  /** the TLS Secret to read; null when none is known, which skips the probe */
  secretName: string | null;
  /** why there is no Secret name, for the skip reason */
  noSecretReason?: string;
  context?: string;
  kube: KubeAccess;
  signal?: AbortSignal;
  timeoutMs?: number;
}

// A Secret holds 1 MiB at most; its tls.crt may carry a chain, openssl's "Bag Attributes" text or the key itself.
const secretLimits = { maxCertificates: 100, maxChars: 1 << 20, textBetween: 'skip' } as const;
const certificatesIn = (b64: string) => parsePemCertificates(Buffer.from(b64, 'base64').toString('utf8'), secretLimits);
const caKey = /(^|[._-])ca([._-]|$)|root|chain/i;

/** The server certificate key: tls.crt first, then any *.crt/*.pem/*.cert that holds a certificate and is not a CA bundle. */
function pickCertificateKey(data: Record<string, string>): string | null {
  if (data['tls.crt']) return 'tls.crt';
  const keys = Object.keys(data).filter((k) => /\.(crt|pem|cert)$/i.test(k) && !caKey.test(k) && !/key/i.test(k));
  return keys.sort().find((k) => { const p = certificatesIn(data[k]!); return p.ok && p.certificates.length > 0; }) ?? null;
}

/**
 * Reads the TLS Secret the database mounts and describes its leaf certificate. The API returns every key, so the
 * private key passes through memory; only the certificate key is decoded and nothing else is kept.
 */
export async function probeK8sTlsSecret(input: K8sTlsSecretProbeInput): Promise<ProbeOutcome<K8sTlsSecretObservation>> {
  if (!input.secretName) return { status: 'skipped', reason: input.noSecretReason ?? 'no TLS Secret is named or mounted' };
  const { namespace, secretName } = input;
  const timeoutMs = input.timeoutMs ?? 5_000;
  try {
    const kube = await createKubeClient({ kubeconfigPath: input.kube.kubeconfigPath, context: input.context ?? input.kube.context });
    const secret = await callKube(input.signal, timeoutMs, (o) => kube.core.readNamespacedSecret({ namespace, name: secretName }, o));
    const data = secret.data ?? {};
    const key = pickCertificateKey(data);
    if (!key) return { status: 'error', message: `Secret ${namespace}/${secretName} holds no certificate (looked for tls.crt, *.crt, *.pem)` };
    const parsed = certificatesIn(data[key]!);
    const cert = parsed.ok ? parsed.certificates[0] : undefined;
    if (!cert) return { status: 'error', message: `Secret ${namespace}/${secretName} key ${key} is not a PEM certificate${parsed.ok ? '' : ` (${parsed.error})`}` };
    return {
      status: 'ok',
      data: {
        namespace,
        secretName,
        key,
        subject: cert.subject.replace(/\n/g, ', '),
        serialNumber: cert.serialNumber,
        notAfter: new Date(cert.validTo).toISOString(),
        fingerprint256: cert.fingerprint256,
      },
    };
  } catch (e) {
    return { status: 'error', message: `Secret ${namespace}/${secretName}: ${describeKubeError(e)}` };
  }
}
