import { callKube } from '../k8s/call-kube';
import { createKubeClient, type KubeAccess } from '../k8s/create-kube-client';
import { describeKubeError } from '../k8s/describe-kube-error';
import type { KubernetesRefs } from '../validations/target';
import { k8sWorkloadObservation } from './k8s-workload-observation';
import type { K8sListRead, K8sWorkloadObservation } from './observations/kubernetes';
import type { ProbeOutcome } from './observations/probe-outcome';

export interface K8sWorkloadProbeInput {
  refs: Pick<KubernetesRefs, 'context' | 'namespace' | 'podSelector' | 'tlsSecret'> | null | undefined;
  /** how Posture reaches the cluster; refs.context, when set, overrides kube.context */
  kube: KubeAccess;
  signal?: AbortSignal;
  /** for the whole probe */
  timeoutMs?: number;
}

async function readList<T>(read: () => Promise<T[]>): Promise<K8sListRead<T>> {
  try {
    return { status: 'ok', items: await read() };
  } catch (e) {
    return { status: 'error', message: describeKubeError(e) };
  }
}

/** Reads the database's pods (security contexts, password env, TLS key volumes), the Services and the NetworkPolicies around them. */
export async function probeK8sWorkload(input: K8sWorkloadProbeInput): Promise<ProbeOutcome<K8sWorkloadObservation>> {
  const { refs } = input;
  if (!refs) return { status: 'skipped', reason: 'the target has no Kubernetes refs' };
  if (!refs.podSelector) return { status: 'skipped', reason: 'the Kubernetes refs name no pod selector' };
  const timeoutMs = input.timeoutMs ?? 20_000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  try {
    const kube = await createKubeClient({ kubeconfigPath: input.kube.kubeconfigPath, context: refs.context ?? input.kube.context });
    const { namespace } = refs;
    const podList = await callKube(signal, timeoutMs, (o) => kube.core.listNamespacedPod({ namespace, labelSelector: refs.podSelector }, o));
    const [services, networkPolicies] = await Promise.all([
      readList(async () => (await callKube(signal, timeoutMs, (o) => kube.core.listNamespacedService({ namespace }, o))).items),
      readList(async () => (await callKube(signal, timeoutMs, (o) => kube.networking.listNamespacedNetworkPolicy({ namespace }, o))).items),
    ]);
    if (deadline.aborted) throw new Error('deadline');
    return { status: 'ok', data: k8sWorkloadObservation({ namespace, selector: refs.podSelector, pods: podList.items, services, networkPolicies, tlsSecretName: refs.tlsSecret?.name }) };
  } catch (e) {
    return { status: 'error', message: deadline.aborted ? `the Kubernetes API did not answer within ${timeoutMs} ms` : describeKubeError(e) };
  }
}
