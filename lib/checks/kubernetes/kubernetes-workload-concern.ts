import type { CheckConcern } from '../check-concern';
import { k8sNetworkPolicyIsolatedCheck } from './check-k8s-networkpolicy-isolated';
import { k8sPodCapabilitiesDroppedCheck } from './check-k8s-pod-capabilities-dropped';
import { k8sPodNoPrivilegeEscalationCheck } from './check-k8s-pod-no-privilege-escalation';
import { k8sPodNotPrivilegedCheck } from './check-k8s-pod-not-privileged';
import { k8sPodReadOnlyRootFsCheck } from './check-k8s-pod-read-only-root-fs';
import { k8sPodRunAsNonRootCheck } from './check-k8s-pod-run-as-non-root';
import { k8sPvcBoundCheck } from './check-k8s-pvc-bound';
import { k8sSecretPasswordFromSecretCheck } from './check-k8s-secret-password-from-secret';
import { k8sServiceNotExposedCheck } from './check-k8s-service-not-exposed';
import { k8sStoragePersistentCheck } from './check-k8s-storage-persistent';
import { k8sTlsKeyModeCheck } from './check-k8s-tls-key-mode';

/** Every engine can run in Kubernetes: its pods, storage, Services and NetworkPolicies are judged alike. */
export const kubernetesWorkloadConcern: CheckConcern = {
  id: 'kubernetes',
  label: 'Kubernetes workload',
  reads: "the pods, PVCs, Services, NetworkPolicies and TLS key volumes the target's Kubernetes references select",
  checks: [
    k8sPvcBoundCheck,
    k8sStoragePersistentCheck,
    k8sTlsKeyModeCheck,
    k8sSecretPasswordFromSecretCheck,
    k8sServiceNotExposedCheck,
    k8sNetworkPolicyIsolatedCheck,
    k8sPodRunAsNonRootCheck,
    k8sPodNotPrivilegedCheck,
    k8sPodNoPrivilegeEscalationCheck,
    k8sPodCapabilitiesDroppedCheck,
    k8sPodReadOnlyRootFsCheck,
  ],
};
