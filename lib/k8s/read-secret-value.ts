import { callKube } from './call-kube';
import { createKubeClient, type KubeAccess } from './create-kube-client';
import { describeKubeError } from './describe-kube-error';

/** Parses a stored reference `namespace/name#key` (namespace optional). */
export function parseSecretReference(reference: string, defaultNamespace?: string): { namespace: string; name: string; key: string } | null {
  const m = /^(?:([a-z0-9.-]+)\/)?([a-z0-9.-]+)#(.+)$/.exec(reference);
  const namespace = m?.[1] ?? defaultNamespace;
  return m && namespace ? { namespace, name: m[2]!, key: m[3]! } : null;
}

/** The decoded value of one key of a Secret: the probe's password, held in memory for one scan only. */
export async function readSecretValue(ref: { namespace: string; name: string; key: string }, kube: KubeAccess, signal?: AbortSignal, timeoutMs = 5_000): Promise<string | null> {
  try {
    const client = await createKubeClient(kube);
    const secret = await callKube(signal, timeoutMs, (o) => client.core.readNamespacedSecret({ namespace: ref.namespace, name: ref.name }, o));
    const encoded = secret.data?.[ref.key];
    return encoded === undefined ? null : Buffer.from(encoded, 'base64').toString('utf8');
  } catch (e) {
    throw new Error(`Secret ${ref.namespace}/${ref.name}: ${describeKubeError(e)}`);
  }
}
