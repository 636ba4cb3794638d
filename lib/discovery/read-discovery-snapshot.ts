import { z } from 'zod';
import type { ConfigurationOptions } from '@kubernetes/client-node';
import { callKube } from '../k8s/call-kube';
import { createKubeClient, type KubeAccess, type KubeClient } from '../k8s/create-kube-client';
import { describeKubeError, kubeErrorCode } from '../k8s/describe-kube-error';
import type { CustomResource, DiscoveredResource, DiscoverySnapshot } from './discovery-snapshot';

export interface DiscoveryReadInput {
  kube: KubeAccess;
  /** only these namespaces; the whole cluster when empty */
  namespaces: string[];
  /** Secret names are listed only here (the custody policy's namespaces, where Posture's RBAC reads Secrets) */
  secretNamespaces: string[];
  signal?: AbortSignal;
  /** per API call */
  timeoutMs?: number;
}

// Metadata only: the API server leaves Secret data out of the reply, so it never reaches this process.
const metadataOnly = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

const customList = z.object({ items: z.array(z.object({ metadata: z.object({ name: z.string(), namespace: z.string().optional(), labels: z.record(z.string(), z.string()).optional() }), spec: z.unknown().optional() })) });

const operators = {
  clusters: { group: 'postgresql.cnpg.io', version: 'v1' },
  postgresclusters: { group: 'postgres-operator.crunchydata.com', version: 'v1beta1' },
  postgresqls: { group: 'acid.zalan.do', version: 'v1' },
} as const;

type Lister<T> = (kube: KubeClient, namespace: string | null, o: ConfigurationOptions) => Promise<T[]>;

const listers = {
  pods: ((k, ns, o) => (ns ? k.core.listNamespacedPod({ namespace: ns }, o) : k.core.listPodForAllNamespaces({}, o)).then((l) => l.items)) as Lister<DiscoverySnapshot['pods'][number]>,
  statefulsets: ((k, ns, o) => (ns ? k.apps.listNamespacedStatefulSet({ namespace: ns }, o) : k.apps.listStatefulSetForAllNamespaces({}, o)).then((l) => l.items)) as Lister<DiscoverySnapshot['statefulSets'][number]>,
  deployments: ((k, ns, o) => (ns ? k.apps.listNamespacedDeployment({ namespace: ns }, o) : k.apps.listDeploymentForAllNamespaces({}, o)).then((l) => l.items)) as Lister<DiscoverySnapshot['deployments'][number]>,
  services: ((k, ns, o) => (ns ? k.core.listNamespacedService({ namespace: ns }, o) : k.core.listServiceForAllNamespaces({}, o)).then((l) => l.items)) as Lister<DiscoverySnapshot['services'][number]>,
  persistentvolumeclaims: ((k, ns, o) =>
    (ns ? k.core.listNamespacedPersistentVolumeClaim({ namespace: ns }, o) : k.core.listPersistentVolumeClaimForAllNamespaces({}, o)).then((l) => l.items)) as Lister<DiscoverySnapshot['pvcs'][number]>,
  secrets: ((k, ns, o) =>
    (ns ? k.core.listNamespacedSecret({ namespace: ns }, o) : k.core.listSecretForAllNamespaces({}, o)).then((l) =>
      l.items.map((s) => ({ namespace: s.metadata?.namespace ?? ns ?? 'default', name: s.metadata?.name ?? '' })),
    )) as Lister<DiscoverySnapshot['secrets'][number]>,
};

function customLister(plural: keyof typeof operators): Lister<CustomResource> {
  const { group, version } = operators[plural];
  return async (k, ns, o) => {
    try {
      const raw: unknown = ns ? await k.custom.listNamespacedCustomObject({ group, version, namespace: ns, plural }, o) : await k.custom.listClusterCustomObject({ group, version, plural }, o);
      return customList.parse(raw).items;
    } catch (e) {
      // 404: the operator's CRD is not installed in this cluster, which is not an error.
      if (kubeErrorCode(e) === 404) return [];
      throw e;
    }
  };
}

/**
 * Lists what discovery needs from one cluster, every list on its own deadline. A refused or failed list (RBAC 403,
 * timeout) is recorded with the API's reason and the pass goes on with the rest.
 */
export async function readDiscoverySnapshot(input: DiscoveryReadInput): Promise<DiscoverySnapshot> {
  const kube = await createKubeClient(input.kube);
  const timeoutMs = input.timeoutMs ?? 15_000;
  const scopes: (string | null)[] = input.namespaces.length > 0 ? input.namespaces : [null];
  const errors: DiscoverySnapshot['errors'] = [];
  // Never cluster-wide for Secrets: only the allowed namespaces, narrowed further by the discovery scope.
  const secretScopes = input.secretNamespaces.filter((ns) => input.namespaces.length === 0 || input.namespaces.includes(ns));
  const read = async <T>(resource: DiscoveredResource, lister: Lister<T>, accept?: string): Promise<T[]> => {
    const lists = await Promise.all(
      (resource === 'secrets' ? secretScopes : scopes).map(async (ns) => {
        try {
          return await callKube(input.signal, timeoutMs, (o) => lister(kube, ns, o), accept ? { accept } : {});
        } catch (e) {
          errors.push({ resource, message: describeKubeError(e) });
          return [];
        }
      }),
    );
    return lists.flat();
  };
  const [pods, statefulSets, deployments, services, secrets, pvcs, cnpgClusters, crunchyClusters, zalandoClusters] = await Promise.all([
    read('pods', listers.pods),
    read('statefulsets', listers.statefulsets),
    read('deployments', listers.deployments),
    read('services', listers.services),
    read('secrets', listers.secrets, metadataOnly),
    read('persistentvolumeclaims', listers.persistentvolumeclaims),
    read('clusters', customLister('clusters')),
    read('postgresclusters', customLister('postgresclusters')),
    read('postgresqls', customLister('postgresqls')),
  ]);
  return { context: kube.inCluster ? null : kube.context, pods, statefulSets, deployments, services, secrets, pvcs, cnpgClusters, crunchyClusters, zalandoClusters, errors };
}
