import { variable } from '../env';
import type { KubeAccess } from '../k8s/create-kube-client';

/** How this process reaches Kubernetes: POSTURE_KUBECONFIG (+ a context), else the pod's service account, else not at all. */
export function kubeAccessFromEnv(context: string | null): KubeAccess | null {
  const kubeconfigPath = variable('POSTURE_KUBECONFIG');
  if (kubeconfigPath) return { kubeconfigPath, ...(context ? { context } : {}) };
  if (variable('KUBERNETES_SERVICE_HOST')) return {};
  return null;
}
