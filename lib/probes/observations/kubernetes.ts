/** The database's pods, volumes, Services, NetworkPolicies and TLS Secret, as the Kubernetes API reports them. */
export interface K8sVolumeObservation {
  name: string;
  kind: 'pvc' | 'emptyDir' | 'hostPath' | 'secret' | 'configMap' | 'other';
  claimName: string | null;
  mountPaths: string[];
  /** true when mounted at the PostgreSQL data directory */
  isDataVolume: boolean;
}

export interface K8sStorageObservation {
  namespace: string;
  selector: string;
  pods: { name: string; phase: string; volumes: K8sVolumeObservation[] }[];
  pvcs: { name: string; phase: string; storageClass: string | null; capacity: string | null }[];
}

export interface K8sContainerObservation {
  name: string;
  image: string;
  /** an init container: runs before the database starts */
  init: boolean;
  /** effective values: the container's securityContext wins over the pod's; null when neither sets it */
  runAsNonRoot: boolean | null;
  runAsUser: number | null;
  allowPrivilegeEscalation: boolean | null;
  privileged: boolean | null;
  readOnlyRootFilesystem: boolean | null;
  capabilitiesAdd: string[];
  capabilitiesDrop: string[];
  hostPorts: number[];
  /** env vars whose names say they hold a password, and where the value comes from; values are never recorded */
  passwordEnv: { name: string; source: 'literal' | 'secret' | 'configMap' | 'field' | 'empty' }[];
  /** flags given a literal password on the command line, e.g. --requirepass */
  literalPasswordArgs: string[];
  /** a literal POSTGRES_USER-style login name, when the pod spec carries one */
  loginUser: string | null;
}

export interface K8sTlsKeyFileObservation {
  pod: string;
  volume: string;
  secretName: string;
  /** where the key lands in the container; "<mount>/*" when every key of the Secret is projected */
  path: string;
  mode: number;
  modeSource: 'items.mode' | 'defaultMode' | 'kubernetes default (0644)';
  /** an init container that mounts the volume and runs chmod on it, e.g. fix-tls-permissions */
  chmodByInit: string | null;
}

export interface K8sServiceObservation {
  name: string;
  type: string;
  ports: number[];
  nodePorts: number[];
  externalIPs: string[];
  loadBalancerIngress: string[];
}

export interface K8sPolicyPeer {
  peer: string;
  /** anywhere: any source at all; cluster: any pod in any namespace; namespace: any pod of one namespace; named: chosen pods, namespaces or CIDRs */
  scope: 'anywhere' | 'cluster' | 'namespace' | 'named';
}

export interface K8sNetworkPolicyObservation {
  name: string;
  /** effective policy types (Ingress when the policy names none) */
  policyTypes: string[];
  /** database pods this policy selects */
  selects: string[];
  /** one entry per ingress rule: who may connect and how wide that is; a rule without `from` admits anywhere */
  ingress: { from: K8sPolicyPeer[]; ports: string[] }[];
}

/** A list read on its own: a refused list (RBAC) costs only the checks that need it. */
export type K8sListRead<T> = { status: 'ok'; items: T[] } | { status: 'error'; message: string };

export interface K8sWorkloadObservation {
  namespace: string;
  selector: string;
  pods: {
    name: string;
    phase: string;
    hostNetwork: boolean;
    containers: K8sContainerObservation[];
  }[];
  tlsKeyFiles: K8sTlsKeyFileObservation[];
  /** Services in the namespace whose selector picks the database pods */
  services: K8sListRead<K8sServiceObservation>;
  /** NetworkPolicies in the namespace; `selects` says which database pods each covers */
  networkPolicies: K8sListRead<K8sNetworkPolicyObservation>;
}

export interface K8sTlsSecretObservation {
  namespace: string;
  secretName: string;
  /** the Secret key the certificate was read from, e.g. tls.crt */
  key: string;
  /** the leaf (first) certificate in that key; the private key is never kept */
  subject: string;
  serialNumber: string;
  notAfter: string;
  fingerprint256: string;
}
