import type { V1Deployment, V1PersistentVolumeClaim, V1Pod, V1Service, V1StatefulSet } from '@kubernetes/client-node';

/** A custom resource as listed: only what discovery reads is typed; the rest is parsed with zod where used. */
export interface CustomResource {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: unknown;
}

export const discoveredResources = ['pods', 'statefulsets', 'deployments', 'services', 'secrets', 'persistentvolumeclaims', 'clusters', 'postgresclusters', 'postgresqls'] as const;
export type DiscoveredResource = (typeof discoveredResources)[number];

/** The resources whose absence from a listing means a workload is gone; the others only fill in details. */
export const existenceResources: readonly DiscoveredResource[] = ['pods', 'statefulsets', 'deployments', 'clusters', 'postgresclusters', 'postgresqls'];

/** Everything one discovery pass read from one cluster. A list that failed is empty and named in `errors`. */
export interface DiscoverySnapshot {
  /** the kubeconfig context read, or null for in-cluster access */
  context: string | null;
  pods: V1Pod[];
  statefulSets: V1StatefulSet[];
  deployments: V1Deployment[];
  services: V1Service[];
  /** names only: discovery never reads Secret data */
  secrets: { namespace: string; name: string }[];
  pvcs: V1PersistentVolumeClaim[];
  cnpgClusters: CustomResource[];
  crunchyClusters: CustomResource[];
  zalandoClusters: CustomResource[];
  errors: { resource: DiscoveredResource; message: string }[];
}
