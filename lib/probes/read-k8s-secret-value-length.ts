import { callKube } from '../k8s/call-kube';
import { createKubeClient, type KubeAccess } from '../k8s/create-kube-client';
import { describeKubeError } from '../k8s/describe-kube-error';

/**
 * The length in characters of one key's decoded value in a Secret, or null when the key is absent. Only the length
 * leaves this function; the decoded bytes are zeroed.
 */
export async function readK8sSecretValueLength(
  ref: { namespace: string; name: string; key: string },
  kube: KubeAccess,
  signal?: AbortSignal,
  timeoutMs = 5_000,
): Promise<number | null> {
  let encoded: string | undefined;
  try {
    const client = await createKubeClient(kube);
    const secret = await callKube(signal, timeoutMs, (o) => client.core.readNamespacedSecret({ namespace: ref.namespace, name: ref.name }, o));
    encoded = secret.data?.[ref.key];
  } catch (e) {
    throw new Error(`Secret ${ref.namespace}/${ref.name}: ${describeKubeError(e)}`);
  }
  if (encoded === undefined) return null;
  const bytes = Buffer.from(encoded, 'base64');
  const length = [...bytes.toString('utf8')].length;
  bytes.fill(0);
  return length;
}
