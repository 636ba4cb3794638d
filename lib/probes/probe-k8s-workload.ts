import type { V1Container, V1NetworkPolicy, V1NetworkPolicyPeer, V1Pod, V1Service } from '@kubernetes/client-node';
import { callKube } from '../k8s/call-kube';
import { createKubeClient, type KubeAccess } from '../k8s/create-kube-client';
import { describeKubeError } from '../k8s/describe-kube-error';
import { matchesLabelSelector, type LabelSelectorSpec } from '../k8s/label-selector';
import { secretVolumesOf } from '../k8s/secret-volumes';
import type { KubernetesRefs } from '../validations/target';
import type {
  K8sContainerObservation,
  K8sListRead,
  K8sNetworkPolicyObservation,
  K8sPolicyPeer,
  K8sServiceObservation,
  K8sTlsKeyFileObservation,
  K8sWorkloadObservation,
  ProbeOutcome,
} from './observations';

export interface K8sWorkloadProbeInput {
  refs: Pick<KubernetesRefs, 'context' | 'namespace' | 'podSelector' | 'tlsSecret'> | null | undefined;
  /** how Posture reaches the cluster; refs.context, when set, overrides kube.context */
  kube: KubeAccess;
  signal?: AbortSignal;
  /** for the whole probe */
  timeoutMs?: number;
}

const passwordName = /PASSWORD|PASSWD|(^|_)PASS(_|$)|(^|_)PWD$|REQUIREPASS/i;
const notAValue = /_FILE$|PASSFILE/i;
const loginNames = ['POSTGRES_USER', 'PGUSER', 'POSTGRESQL_USERNAME', 'POSTGRESQL_USER'];
const literalFlag = /--(requirepass|masterauth|password)(?:=|\s+)(?!\$)\S+/g;
const keyFile = /(^|[._-])key(\.pem)?$|\.key$/i;
const tlsHint = /tls|ssl|cert/i;
const chmodPrivate = /chmod\b[^;&|\n]*\b0?[46]00\b/;

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
    const mount = [...main, ...inits].flatMap((c) => (c.volumeMounts ?? []).filter((m) => m.name === v.volume).map((m) => m.mountPath.replace(/\/+$/, '')))[0];
    if (!isTls || mount === undefined) return [];
    const fixer = inits.find((c) => (c.volumeMounts ?? []).some((m) => m.name === v.volume) && chmodPrivate.test([...(c.command ?? []), ...(c.args ?? [])].join(' ')));
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
    const kube = createKubeClient({ kubeconfigPath: input.kube.kubeconfigPath, context: refs.context ?? input.kube.context });
    const { namespace } = refs;
    const podList = await callKube(signal, timeoutMs, (o) => kube.core.listNamespacedPod({ namespace, labelSelector: refs.podSelector }, o));
    const pods = podList.items;
    const [services, networkPolicies] = await Promise.all([
      readList(async () => {
        const list = await callKube(signal, timeoutMs, (o) => kube.core.listNamespacedService({ namespace }, o));
        const picks = (s: V1Service) => Object.keys(s.spec?.selector ?? {}).length > 0 && pods.some((p) => matchesLabelSelector(p.metadata?.labels, { matchLabels: s.spec?.selector }));
        return list.items.filter(picks).map(serviceOf);
      }),
      readList(async () => {
        const list = await callKube(signal, timeoutMs, (o) => kube.networking.listNamespacedNetworkPolicy({ namespace }, o));
        return list.items.map((np) => policyOf(np, pods, namespace));
      }),
    ]);
    if (deadline.aborted) throw new Error('deadline');
    return {
      status: 'ok',
      data: {
        namespace,
        selector: refs.podSelector,
        pods: pods.map((p) => ({
          name: p.metadata?.name ?? '',
          phase: p.status?.phase ?? 'Unknown',
          hostNetwork: p.spec?.hostNetwork === true,
          containers: [...(p.spec?.initContainers ?? []).map((c) => containerOf(c, p, true)), ...(p.spec?.containers ?? []).map((c) => containerOf(c, p, false))],
        })),
        tlsKeyFiles: pods.flatMap((p) => tlsKeyFilesOf(p, refs.tlsSecret?.name)),
        services,
        networkPolicies,
      },
    };
  } catch (e) {
    return { status: 'error', message: deadline.aborted ? `the Kubernetes API did not answer within ${timeoutMs} ms` : describeKubeError(e) };
  }
}
