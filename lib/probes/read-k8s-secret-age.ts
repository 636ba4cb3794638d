import { callKube } from '../k8s/call-kube';
import { createKubeClient, type KubeAccess } from '../k8s/create-kube-client';
import { describeKubeError } from '../k8s/describe-kube-error';

// Metadata only: the API server leaves the Secret's data out of the reply, so it never reaches this process.
const metadataOnly = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

/**
 * When a Secret was last written: the latest of its creationTimestamp and managedFields[].time, as ISO, or null when it
 * carries neither. Throws a one-line error when it cannot be read.
 */
export async function readK8sSecretAge(
  ref: { namespace: string; name: string },
  kube: KubeAccess,
  signal?: AbortSignal,
  timeoutMs = 5_000,
): Promise<string | null> {
  try {
    const client = await createKubeClient(kube);
    const secret = await callKube(signal, timeoutMs, (o) => client.core.readNamespacedSecret(ref, o), { accept: metadataOnly });
    const meta = secret.metadata;
    const times = [meta?.creationTimestamp, ...(meta?.managedFields ?? []).map((f) => f.time)]
      .filter((t): t is Date => t instanceof Date && !Number.isNaN(t.getTime()))
      .map((t) => t.getTime());
    return times.length > 0 ? new Date(Math.max(...times)).toISOString() : null;
  } catch (e) {
    throw new Error(`Secret ${ref.namespace}/${ref.name}: ${describeKubeError(e)}`);
  }
}
