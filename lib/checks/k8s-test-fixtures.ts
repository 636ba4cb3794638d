import type { K8sContainerObservation, K8sNetworkPolicyObservation, K8sServiceObservation, K8sTlsKeyFileObservation } from '../probes/observations/kubernetes';
import type { Observations } from '../probes/observations/observations';
import { hardenedContainer, withData } from './test-fixtures';

/** Healthy observations whose one pod runs these containers (test-only). */
export function withContainers(...patches: Partial<K8sContainerObservation>[]): Observations {
  return withData('k8sWorkload', { pods: [{ name: 'postgres-0', phase: 'Running', hostNetwork: false, containers: patches.map((p) => hardenedContainer(p)) }] });
}

export const service = (patch: Partial<K8sServiceObservation> = {}): K8sServiceObservation => ({
  name: 'postgres',
  type: 'ClusterIP',
  ports: [5432],
  nodePorts: [],
  externalIPs: [],
  loadBalancerIngress: [],
  ...patch,
});

export const withServices = (...items: K8sServiceObservation[]) => withData('k8sWorkload', { services: { status: 'ok', items } });

export const policy = (patch: Partial<K8sNetworkPolicyObservation> = {}): K8sNetworkPolicyObservation => ({
  name: 'postgres-ingress',
  policyTypes: ['Ingress'],
  selects: ['postgres-0'],
  ingress: [{ from: [{ peer: 'pods app=api in db', scope: 'named' }], ports: ['TCP/5432'] }],
  ...patch,
});

export const withPolicies = (...items: K8sNetworkPolicyObservation[]) => withData('k8sWorkload', { networkPolicies: { status: 'ok', items } });

export const keyFile = (patch: Partial<K8sTlsKeyFileObservation> = {}): K8sTlsKeyFileObservation => ({
  pod: 'postgres-0',
  volume: 'tls',
  secretName: 'postgres-tls',
  path: '/tls/tls.key',
  mode: 0o600,
  modeSource: 'items.mode',
  chmodByInit: null,
  ...patch,
});

export const noPods = () => withData('k8sWorkload', { pods: [], tlsKeyFiles: [] });
