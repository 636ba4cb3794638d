import path from 'node:path';
import type { V1Container, V1PersistentVolumeClaim, V1Pod, V1Volume } from '@kubernetes/client-node';
import { callKube } from '../k8s/call-kube';
import { createKubeClient, type KubeAccess, type KubeClient } from '../k8s/create-kube-client';
import { describeKubeError, kubeErrorCode } from '../k8s/describe-kube-error';
import type { KubernetesRefs } from '../validations/target';
import type { K8sStorageObservation, K8sVolumeObservation } from './observations/kubernetes';
import type { ProbeOutcome } from './observations/probe-outcome';

export interface K8sStorageProbeInput {
  refs: Pick<KubernetesRefs, 'context' | 'namespace' | 'podSelector' | 'pvcNames'> | null | undefined;
  /** how Posture reaches the cluster; refs.context, when set, overrides kube.context */
  kube: KubeAccess;
  signal?: AbortSignal;
  /** for the whole probe */
  timeoutMs?: number;
}

const defaultDataDirs = ['/var/lib/postgresql/data', '/var/lib/postgresql', '/home/postgres/pgdata', '/pgdata'];

const clean = (p: string) => (p.length > 1 ? p.replace(/(?<!\/)\/+$/, '') : p);

/** Where this container keeps PostgreSQL data: PGDATA or its parent when set, else the usual image defaults. */
function dataDirsOf(container: V1Container): string[] {
  const pgdata = container.env?.find((e) => e.name === 'PGDATA')?.value;
  if (!pgdata) return defaultDataDirs;
  const self = clean(pgdata);
  return [self, path.posix.dirname(self)];
}

function kindOf(v: V1Volume): K8sVolumeObservation['kind'] {
  if (v.persistentVolumeClaim) return 'pvc';
  if (v.emptyDir) return 'emptyDir';
  if (v.hostPath) return 'hostPath';
  if (v.secret) return 'secret';
  if (v.configMap) return 'configMap';
  return 'other';
}

function volumesOf(pod: V1Pod): K8sVolumeObservation[] {
  const containers = pod.spec?.containers ?? [];
  return (pod.spec?.volumes ?? []).map((v) => {
    const mounts = containers.flatMap((c) => (c.volumeMounts ?? []).filter((m) => m.name === v.name).map((m) => ({ c, at: clean(m.mountPath) })));
    return {
      name: v.name,
      kind: kindOf(v),
      claimName: v.persistentVolumeClaim?.claimName ?? null,
      mountPaths: [...new Set(mounts.map((m) => m.at))],
      isDataVolume: mounts.some((m) => dataDirsOf(m.c).includes(m.at)),
    };
  });
}

function pvcOf(name: string, pvc: V1PersistentVolumeClaim | null): K8sStorageObservation['pvcs'][number] {
  if (!pvc) return { name, phase: 'NotFound', storageClass: null, capacity: null };
  return {
    name,
    phase: pvc.status?.phase ?? 'Unknown',
    storageClass: pvc.spec?.storageClassName ?? null,
    // a Pending claim has no capacity yet; what it asked for is the next best fact
    capacity: pvc.status?.capacity?.storage ?? pvc.spec?.resources?.requests?.storage ?? null,
  };
}

async function readPvc(kube: KubeClient, namespace: string, name: string, signal: AbortSignal | undefined, ms: number) {
  try {
    return pvcOf(name, await callKube(signal, ms, (o) => kube.core.readNamespacedPersistentVolumeClaim({ namespace, name }, o)));
  } catch (e) {
    if (kubeErrorCode(e) === 404) return pvcOf(name, null);
    throw e;
  }
}

/** Lists the database's pods and the PVCs they (or the refs) name: volume kinds, data-dir mounts, claim phases. */
export async function probeK8sStorage(input: K8sStorageProbeInput): Promise<ProbeOutcome<K8sStorageObservation>> {
  const { refs } = input;
  if (!refs) return { status: 'skipped', reason: 'the target has no Kubernetes refs' };
  const pvcNames = refs.pvcNames ?? [];
  if (!refs.podSelector && pvcNames.length === 0) {
    return { status: 'skipped', reason: 'the Kubernetes refs name neither a pod selector nor PVC names' };
  }
  const timeoutMs = input.timeoutMs ?? 20_000;
  // One budget for the whole probe; each call also gets it, so the probe's deadline is the one that fires.
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  try {
    const kube = await createKubeClient({ kubeconfigPath: input.kube.kubeconfigPath, context: refs.context ?? input.kube.context });
    const { namespace } = refs;
    const podList = refs.podSelector
      ? await callKube(signal, timeoutMs, (o) => kube.core.listNamespacedPod({ namespace, labelSelector: refs.podSelector }, o))
      : null;
    const pods = (podList?.items ?? []).map((p) => ({ name: p.metadata?.name ?? '', phase: p.status?.phase ?? 'Unknown', volumes: volumesOf(p) }));
    const claims = [...new Set([...pods.flatMap((p) => p.volumes.flatMap((v) => (v.claimName ? [v.claimName] : []))), ...pvcNames])];
    const pvcs = await Promise.all(claims.map((name) => readPvc(kube, namespace, name, signal, timeoutMs)));
    return { status: 'ok', data: { namespace, selector: refs.podSelector ?? '', pods, pvcs } };
  } catch (e) {
    return { status: 'error', message: deadline.aborted ? `the Kubernetes API did not answer within ${timeoutMs} ms` : describeKubeError(e) };
  }
}
