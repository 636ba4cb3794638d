import type { V1Container, V1NetworkPolicy, V1NetworkPolicyPeer, V1Pod, V1Service } from '@kubernetes/client-node';
import { matchesLabelSelector, type LabelSelectorSpec } from '../k8s/label-selector';
import { secretVolumesOf } from '../k8s/secret-volumes';
import type { K8sContainerObservation, K8sListRead, K8sNetworkPolicyObservation, K8sPolicyPeer, K8sServiceObservation, K8sTlsKeyFileObservation, K8sWorkloadObservation } from './observations/kubernetes';

const passwordName = /PASSWORD|PASSWD|(^|_)PASS(_|$)|(^|_)PWD$|REQUIREPASS/i;
const notAValue = /_FILE$|PASSFILE/i;
const loginNames = ['POSTGRES_USER', 'PGUSER', 'POSTGRESQL_USERNAME', 'POSTGRESQL_USER'];
const literalFlag = /--(requirepass|masterauth|password)(?:=|\s+)(?!\$)\S+/g;
const keyFile = /(^|[._-])key(\.pem)?$/i;
const tlsHint = /tls|ssl|cert/i;
/** chmod 600/400 within one shell step; split first, as one regex would rescan the rest of the line from every chmod. */
const chmodsPrivate = (command: string) =>
  command.split(/[;&|\n]/).some((step) => {
    const at = step.search(/chmod\b/);
    return at !== -1 && /\b0?[46]00\b/.test(step.slice(at + 5));
  });

function containerOf(c: V1Container, pod: V1Pod, init: boolean): K8sContainerObservation {
  const podSc = pod.spec?.securityContext;
  const sc = c.securityContext;
  const env = c.env ?? [];
  const passwordEnv = env
    .filter((e) => passwordName.test(e.name) && !notAValue.test(e.name))
    .map((e) => {
      const from = e.valueFrom;
      const source: K8sContainerObservation['passwordEnv'][number]['source'] = from?.secretKeyRef
        ? 'secret'
        : from?.configMapKeyRef
          ? 'configMap'
          : from
            ? 'field'
            : e.value
              ? 'literal'
              : 'empty';
      return { name: e.name, source };
    });
  const commandLine = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  const literalPasswordArgs = [...new Set([...commandLine.matchAll(literalFlag)].map((m) => `--${m[1]}`))];
  const loginUser = env.find((e) => loginNames.includes(e.name) && e.value)?.value ?? null;
  return {
    name: c.name,
    image: c.image ?? '',
    init,
    runAsNonRoot: sc?.runAsNonRoot ?? podSc?.runAsNonRoot ?? null,
    runAsUser: sc?.runAsUser ?? podSc?.runAsUser ?? null,
    allowPrivilegeEscalation: sc?.allowPrivilegeEscalation ?? null,
    privileged: sc?.privileged ?? null,
    readOnlyRootFilesystem: sc?.readOnlyRootFilesystem ?? null,
    capabilitiesAdd: sc?.capabilities?.add ?? [],
    capabilitiesDrop: sc?.capabilities?.drop ?? [],
    hostPorts: (c.ports ?? []).flatMap((p) => (p.hostPort ? [p.hostPort] : [])),
    passwordEnv,
    literalPasswordArgs,
    loginUser,
  };
}

/** TLS private keys projected from Secrets into the pod, with the file mode Kubernetes gives them. */
function tlsKeyFilesOf(pod: V1Pod, tlsSecretName: string | undefined): K8sTlsKeyFileObservation[] {
  const podName = pod.metadata?.name ?? '';
  const main = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  return secretVolumesOf(pod.spec).flatMap((v) => {
    const keyItems = v.items.filter((i) => keyFile.test(i.key) || keyFile.test(i.path));
    const isTls = v.secretName === tlsSecretName || tlsHint.test(`${v.secretName} ${v.volume}`) || keyItems.length > 0;
    const mount = [...main, ...inits].flatMap((c) => (c.volumeMounts ?? []).filter((m) => m.name === v.volume).map((m) => m.mountPath.replace(/(?<!\/)\/+$/, '')))[0];
    if (!isTls || mount === undefined) return [];
    const fixer = inits.find((c) => (c.volumeMounts ?? []).some((m) => m.name === v.volume) && chmodsPrivate([...(c.command ?? []), ...(c.args ?? [])].join(' ')));
    const base = { pod: podName, volume: v.volume, secretName: v.secretName, chmodByInit: fixer?.name ?? null };
    const fallback = v.defaultMode !== null ? { mode: v.defaultMode, modeSource: 'defaultMode' as const } : { mode: 0o644, modeSource: 'kubernetes default (0644)' as const };
    if (v.items.length === 0) return [{ ...base, path: `${mount}/*`, ...fallback }];
    return keyItems.map((i) => ({ ...base, path: `${mount}/${i.path}`, ...(i.mode !== null ? { mode: i.mode, modeSource: 'items.mode' as const } : fallback) }));
  });
}

function serviceOf(s: V1Service): K8sServiceObservation {
  return {
    name: s.metadata?.name ?? '',
    type: s.spec?.type ?? 'ClusterIP',
    ports: (s.spec?.ports ?? []).map((p) => p.port),
    nodePorts: (s.spec?.ports ?? []).flatMap((p) => (p.nodePort ? [p.nodePort] : [])),
    externalIPs: s.spec?.externalIPs ?? [],
    loadBalancerIngress: (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean),
  };
}

function describeSelector(sel: LabelSelectorSpec | undefined): string {
  const terms = [
    ...Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(sel?.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values?.length ? ` (${e.values.join(', ')})` : ''}`),
  ];
  return terms.join(',');
}

function peerOf(p: V1NetworkPolicyPeer, namespace: string): K8sPolicyPeer {
  if (p.ipBlock) {
    const open = /\/0$/.test(p.ipBlock.cidr);
    const except = p.ipBlock.except?.length ? ` except ${p.ipBlock.except.join(', ')}` : '';
    return { peer: `ipBlock ${p.ipBlock.cidr}${except}`, scope: open ? 'anywhere' : 'named' };
  }
  const pods = describeSelector(p.podSelector);
  if (p.namespaceSelector) {
    const nss = describeSelector(p.namespaceSelector);
    const peer = `${p.podSelector ? `pods ${pods || '(all)'}` : 'all pods'} in namespaces ${nss || '(all)'}`;
    return { peer, scope: !nss && !pods ? 'cluster' : 'named' };
  }
  return { peer: `pods ${pods || '(all)'} in ${namespace}`, scope: pods ? 'named' : 'namespace' };
}

function policyOf(np: V1NetworkPolicy, pods: V1Pod[], namespace: string): K8sNetworkPolicyObservation {
  const spec = np.spec;
  const types = spec?.policyTypes?.length ? spec.policyTypes : spec?.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    name: np.metadata?.name ?? '',
    policyTypes: types,
    selects: pods.filter((p) => matchesLabelSelector(p.metadata?.labels, spec?.podSelector)).map((p) => p.metadata?.name ?? ''),
    ingress: (spec?.ingress ?? []).map((r) => ({
      from: r._from?.length ? r._from.map((p) => peerOf(p, namespace)) : [{ peer: 'anywhere (rule has no from)', scope: 'anywhere' as const }],
      ports: r.ports?.length ? r.ports.map((p) => `${p.protocol ?? 'TCP'}/${p.port ?? 'any'}`) : ['all ports'],
    })),
  };
}

export interface WorkloadObjects {
  namespace: string;
  selector: string;
  pods: V1Pod[];
  /** every Service and NetworkPolicy of the namespace, or why they could not be listed */
  services: K8sListRead<V1Service>;
  networkPolicies: K8sListRead<V1NetworkPolicy>;
  /** the TLS Secret the refs name, so its volume counts as the TLS one whatever it is called */
  tlsSecretName?: string;
}

/** What the workload checks judge, from API objects; pure, so manifests can be judged without a cluster. */
export function k8sWorkloadObservation(o: WorkloadObjects): K8sWorkloadObservation {
  const { pods, namespace } = o;
  const picks = (s: V1Service) => Object.keys(s.spec?.selector ?? {}).length > 0 && pods.some((p) => matchesLabelSelector(p.metadata?.labels, { matchLabels: s.spec?.selector }));
  return {
    namespace,
    selector: o.selector,
    pods: pods.map((p) => ({
      name: p.metadata?.name ?? '',
      phase: p.status?.phase ?? 'Unknown',
      hostNetwork: p.spec?.hostNetwork === true,
      containers: [...(p.spec?.initContainers ?? []).map((c) => containerOf(c, p, true)), ...(p.spec?.containers ?? []).map((c) => containerOf(c, p, false))],
    })),
    tlsKeyFiles: pods.flatMap((p) => tlsKeyFilesOf(p, o.tlsSecretName)),
    services: o.services.status === 'ok' ? { status: 'ok', items: o.services.items.filter(picks).map(serviceOf) } : o.services,
    networkPolicies: o.networkPolicies.status === 'ok' ? { status: 'ok', items: o.networkPolicies.items.map((np) => policyOf(np, pods, namespace)) } : o.networkPolicies,
  };
}
