import { existsSync } from 'node:fs';
import type { AppsV1Api, BatchV1Api, CoreV1Api, CustomObjectsApi, NetworkingV1Api } from '@kubernetes/client-node';
import { variable } from '../env';
import { loadKubeLibrary } from './kube-library';

export interface KubeAccess {
  /** a kubeconfig file; without one, the pod's service account is used when running inside a cluster */
  kubeconfigPath?: string;
  /** a context in that kubeconfig; default: its current-context */
  context?: string;
}

export interface KubeClient {
  core: CoreV1Api;
  batch: BatchV1Api;
  apps: AppsV1Api;
  networking: NetworkingV1Api;
  custom: CustomObjectsApi;
  /** the kubeconfig context in use (in-cluster access has a synthetic one) */
  context: string;
  inCluster: boolean;
  server: string;
}

/** Builds API clients from a kubeconfig file (+ context), or from the in-cluster service account. Calls go through callKube. */
export async function createKubeClient(access: KubeAccess = {}): Promise<KubeClient> {
  const { AppsV1Api, BatchV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, NetworkingV1Api } = await loadKubeLibrary();
  const kc = new KubeConfig();
  if (access.kubeconfigPath) {
    if (!existsSync(/*turbopackIgnore: true*/ access.kubeconfigPath)) throw new Error(`kubeconfig ${access.kubeconfigPath} does not exist`);
    kc.loadFromFile(access.kubeconfigPath);
    if (access.context) {
      if (!kc.getContextObject(access.context)) {
        const known = kc.getContexts().map((c) => c.name).join(', ') || 'none';
        throw new Error(`context "${access.context}" is not in kubeconfig ${access.kubeconfigPath} (it has: ${known})`);
      }
      kc.setCurrentContext(access.context);
    }
  } else if (variable('KUBERNETES_SERVICE_HOST')) {
    // In-cluster access reaches one cluster only; probing it for a target that names another would mislead.
    if (access.context) throw new Error(`context "${access.context}" needs a kubeconfig; in-cluster access has no contexts`);
    kc.loadFromCluster();
  } else {
    throw new Error('no Kubernetes access: configure a kubeconfig path, or run Posture inside a cluster (KUBERNETES_SERVICE_HOST is not set)');
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`kubeconfig ${access.kubeconfigPath ?? '(in-cluster)'} has no current context with a cluster`);
  return {
    core: kc.makeApiClient(CoreV1Api),
    batch: kc.makeApiClient(BatchV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    networking: kc.makeApiClient(NetworkingV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    context: kc.getCurrentContext(),
    inCluster: !access.kubeconfigPath,
    server: cluster.server,
  };
}
