import { z } from 'zod';
import type { V1Container, V1PodSpec, V1Service } from '@kubernetes/client-node';
import { matchesLabelSelector, selectorString, type LabelSelectorSpec } from '../k8s/label-selector';
import { secretVolumesOf } from '../k8s/secret-volumes';
import { kubernetesRefsSchema, type KubernetesRefs } from '../validations/target';
import type { CustomResource, DiscoverySnapshot } from './discovery-snapshot';
import { engineDefinition } from '../engines/engine-registry';
import { workloadEngine, type Engine } from './workload-engine';

export type WorkloadKind = 'StatefulSet' | 'Deployment' | 'Pod' | 'Cluster' | 'PostgresCluster' | 'postgresql';

/** One database workload found in the cluster, with the inventory fields and Kubernetes refs it would get. */
export interface DiscoveryProposal {
  /** context/namespace/kind/name: the same workload keeps its key across passes */
  key: string;
  kind: WorkloadKind;
  namespace: string;
  name: string;
  engine: Engine;
  host: string;
  port: number;
  refs: KubernetesRefs;
  details: {
    foundBy: 'label' | 'image' | 'operator';
    operator: 'CloudNativePG' | 'Crunchy PGO' | 'Zalando' | null;
    image: string | null;
    service: string | null;
    secretNames: string[];
    /** a login name the spec states in the clear (POSTGRES_USER, the operator's owner); never a password */
    loginUser: string | null;
    pods: number;
  };
}

const componentLabel = 'app.kubernetes.io/component';
const passwordEnv = /PASSWORD|PASSWD|(^|_)PASS(_|$)/i;
const tlsHint = /tls|ssl|cert/i;
const loginNames = ['POSTGRES_USER', 'PGUSER', 'POSTGRESQL_USERNAME', 'POSTGRESQL_USER'];
const podTemplateHash = new Set(['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name']);

const cnpgSpec = z.object({
  imageName: z.string().optional(),
  certificates: z.object({ serverTLSSecret: z.string().optional() }).optional(),
  bootstrap: z.object({ initdb: z.object({ owner: z.string().optional(), database: z.string().optional() }).optional() }).optional(),
});
const crunchySpec = z.object({
  image: z.string().optional(),
  postgresVersion: z.number().optional(),
  customTLSSecret: z.object({ name: z.string() }).optional(),
  users: z.array(z.object({ name: z.string() })).optional(),
});
const zalandoSpec = z.object({
  dockerImage: z.string().optional(),
  users: z.record(z.string(), z.unknown()).optional(),
  tls: z.object({ secretName: z.string().optional() }).optional(),
  postgresql: z.object({ version: z.string().optional() }).optional(),
});

interface Candidate {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  engine: Engine;
  container: V1Container | null;
  selector: Record<string, string>;
  podSpec: V1PodSpec | undefined;
  foundBy: DiscoveryProposal['details']['foundBy'];
  operator: DiscoveryProposal['details']['operator'];
  /** preferred Service names, best first (the operators' read-write Service) */
  serviceNames: string[];
  /** Secrets the operator creates: the password one and the TLS one, when they exist */
  passwordSecret?: { name: string; key: string };
  tlsSecret?: string;
  loginUser?: string | null;
  pvcPrefix?: string[];
}

const secretExists = (snap: DiscoverySnapshot, ns: string, name: string | undefined) => (name && snap.secrets.some((s) => s.namespace === ns && s.name === name) ? name : undefined);

function operatorCandidates(snap: DiscoverySnapshot): Candidate[] {
  const meta = (r: CustomResource) => ({ name: r.metadata?.name ?? '', namespace: r.metadata?.namespace ?? 'default' });
  const cnpg = snap.cnpgClusters.map((r): Candidate => {
    const { name, namespace } = meta(r);
    const spec = cnpgSpec.safeParse(r.spec ?? {}).data ?? {};
    const app = secretExists(snap, namespace, `${name}-app`);
    return {
      kind: 'Cluster', namespace, name, engine: 'postgresql', container: spec.imageName ? { name: 'postgres', image: spec.imageName } : null,
      selector: { 'cnpg.io/cluster': name }, podSpec: undefined, foundBy: 'operator', operator: 'CloudNativePG', serviceNames: [`${name}-rw`],
      passwordSecret: app ? { name: app, key: 'password' } : undefined,
      tlsSecret: secretExists(snap, namespace, spec.certificates?.serverTLSSecret ?? `${name}-server`),
      loginUser: spec.bootstrap?.initdb?.owner ?? 'app',
    };
  });
  const crunchy = snap.crunchyClusters.map((r): Candidate => {
    const { name, namespace } = meta(r);
    const spec = crunchySpec.safeParse(r.spec ?? {}).data ?? {};
    const user = spec.users?.[0]?.name ?? name;
    const pw = secretExists(snap, namespace, `${name}-pguser-${user}`);
    return {
      kind: 'PostgresCluster', namespace, name, engine: 'postgresql', container: spec.image ? { name: 'database', image: spec.image } : null,
      selector: { 'postgres-operator.crunchydata.com/cluster': name }, podSpec: undefined, foundBy: 'operator', operator: 'Crunchy PGO', serviceNames: [`${name}-primary`, `${name}-ha`],
      passwordSecret: pw ? { name: pw, key: 'password' } : undefined,
      tlsSecret: secretExists(snap, namespace, spec.customTLSSecret?.name ?? `${name}-cluster-cert`),
      loginUser: user,
    };
  });
  const zalando = snap.zalandoClusters.map((r): Candidate => {
    const { name, namespace } = meta(r);
    const spec = zalandoSpec.safeParse(r.spec ?? {}).data ?? {};
    const user = Object.keys(spec.users ?? {}).sort()[0] ?? 'postgres';
    const pw = secretExists(snap, namespace, `${user}.${name}.credentials.postgresql.acid.zalan.do`);
    return {
      kind: 'postgresql', namespace, name, engine: 'postgresql', container: spec.dockerImage ? { name: 'postgres', image: spec.dockerImage } : null,
      selector: { 'cluster-name': name }, podSpec: undefined, foundBy: 'operator', operator: 'Zalando', serviceNames: [name],
      passwordSecret: pw ? { name: pw, key: 'password' } : undefined,
      tlsSecret: secretExists(snap, namespace, spec.tls?.secretName),
      loginUser: user,
    };
  });
  return [...cnpg, ...crunchy, ...zalando];
}

function workloadCandidate(kind: WorkloadKind, namespace: string, name: string, labels: Record<string, string>, selector: LabelSelectorSpec | undefined, podSpec: V1PodSpec | undefined): Candidate | null {
  const labelled = labels[componentLabel] === 'database';
  const found = workloadEngine([...(podSpec?.containers ?? [])], labelled);
  if (!found) return null;
  const matchLabels = selector?.matchLabels && Object.keys(selector.matchLabels).length > 0 ? selector.matchLabels : Object.fromEntries(Object.entries(labels).filter(([k]) => !podTemplateHash.has(k)));
  return { kind, namespace, name, engine: found.engine, container: found.container, selector: matchLabels, podSpec, foundBy: labelled ? 'label' : 'image', operator: null, serviceNames: [] };
}

function pickService(snap: DiscoverySnapshot, c: Candidate, podLabels: Record<string, string>): V1Service | null {
  const inNs = snap.services.filter((s) => s.metadata?.namespace === c.namespace);
  for (const wanted of c.serviceNames) {
    const svc = inNs.find((s) => s.metadata?.name === wanted);
    if (svc) return svc;
  }
  const selecting = inNs.filter((s) => Object.keys(s.spec?.selector ?? {}).length > 0 && matchesLabelSelector(podLabels, { matchLabels: s.spec?.selector }));
  const port = engineDefinition(c.engine).defaultPort;
  const score = (s: V1Service) => (s.spec?.clusterIP === 'None' ? 0 : 2) + ((s.spec?.ports ?? []).some((p) => p.port === port || p.targetPort === port) ? 1 : 0);
  return [...selecting].sort((a, b) => score(b) - score(a) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))[0] ?? null;
}

function secretRefsOf(spec: V1PodSpec | undefined): { names: string[]; password?: { name: string; key: string }; tls?: string } {
  const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  const envRefs = containers.flatMap((c) => (c.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef?.name ? [{ env: e.name, name: e.valueFrom.secretKeyRef.name, key: e.valueFrom.secretKeyRef.key }] : [])));
  const envFrom = containers.flatMap((c) => (c.envFrom ?? []).flatMap((e) => (e.secretRef?.name ? [e.secretRef.name] : [])));
  const volumes = secretVolumesOf(spec);
  const password = envRefs.find((r) => passwordEnv.test(r.env) && !/_FILE$/i.test(r.env));
  const tls = volumes.find((v) => tlsHint.test(`${v.secretName} ${v.volume}`))?.secretName;
  const names = [...new Set([...envRefs.map((r) => r.name), ...envFrom, ...volumes.map((v) => v.secretName)])].sort();
  return { names, password: password ? { name: password.name, key: password.key } : undefined, tls };
}

function toProposal(snap: DiscoverySnapshot, c: Candidate): DiscoveryProposal {
  const pods = snap.pods.filter((p) => p.metadata?.namespace === c.namespace && matchesLabelSelector(p.metadata?.labels, { matchLabels: c.selector }));
  const podLabels = pods[0]?.metadata?.labels ?? c.selector;
  const podSpec = c.podSpec ?? pods[0]?.spec;
  const container = c.container ?? workloadEngine(podSpec?.containers ?? [], true)?.container ?? null;
  const svc = pickService(snap, c, podLabels);
  const port = engineDefinition(c.engine).defaultPort;
  const svcPort = svc?.spec?.ports?.find((p) => p.port === port || p.targetPort === port)?.port ?? svc?.spec?.ports?.[0]?.port;
  const host = svc?.metadata?.name ? `${svc.metadata.name}.${c.namespace}.svc` : (pods[0]?.status?.podIP ?? `${c.name}.${c.namespace}.svc`);
  const refs = secretRefsOf(podSpec);
  const operatorSecrets = c.operator ? snap.secrets.filter((s) => s.namespace === c.namespace && (s.name.startsWith(`${c.name}-`) || s.name.includes(`.${c.name}.`))).map((s) => s.name) : [];
  const claims = new Set([
    ...(podSpec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [])),
    ...pods.flatMap((p) => (p.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []))),
    ...snap.pvcs.filter((p) => p.metadata?.namespace === c.namespace && c.operator && matchesLabelSelector(p.metadata?.labels, { matchLabels: c.selector })).map((p) => p.metadata?.name ?? ''),
  ]);
  if (c.kind === 'StatefulSet') {
    const sts = snap.statefulSets.find((s) => s.metadata?.namespace === c.namespace && s.metadata?.name === c.name);
    for (const tpl of sts?.spec?.volumeClaimTemplates ?? []) {
      for (const p of snap.pvcs) if (p.metadata?.namespace === c.namespace && p.metadata?.name?.startsWith(`${tpl.metadata?.name}-${c.name}-`)) claims.add(p.metadata.name);
    }
  }
  const pvcNames = [...claims].filter(Boolean).sort().slice(0, 50);
  const passwordSecret = c.passwordSecret ?? refs.password;
  const tlsSecret = c.tlsSecret ?? refs.tls;
  const context = snap.context ?? undefined;
  const loginUser = c.loginUser ?? (podSpec?.containers ?? []).flatMap((k) => k.env ?? []).find((e) => loginNames.includes(e.name) && e.value)?.value ?? null;
  return {
    key: `${snap.context ?? 'in-cluster'}/${c.namespace}/${c.kind}/${c.name}`,
    kind: c.kind,
    namespace: c.namespace,
    name: c.name,
    engine: c.engine,
    host,
    port: svcPort ?? port,
    refs: kubernetesRefsSchema.parse({
      ...(context ? { context } : {}),
      namespace: c.namespace,
      podSelector: selectorString(c.selector),
      ...(pvcNames.length ? { pvcNames } : {}),
      ...(passwordSecret ? { passwordSecret } : {}),
      ...(tlsSecret ? { tlsSecret: { name: tlsSecret } } : {}),
    }),
    details: {
      foundBy: c.foundBy,
      operator: c.operator,
      image: container?.image ?? null,
      service: svc?.metadata?.name ?? null,
      secretNames: [...new Set([...refs.names, ...operatorSecrets])].sort(),
      loginUser,
      pods: pods.length,
    },
  };
}

/**
 * Turns one cluster snapshot into database proposals: operator clusters (CloudNativePG, Crunchy PGO, Zalando) first,
 * then StatefulSets and Deployments, then bare pods. A workload an operator or a controller owns is proposed once.
 */
export function buildProposals(snap: DiscoverySnapshot): DiscoveryProposal[] {
  const operators = operatorCandidates(snap);
  const claimed = (ns: string, labels: Record<string, string> | undefined) => operators.some((o) => o.namespace === ns && matchesLabelSelector(labels, { matchLabels: o.selector }));
  const controllers = [
    ...snap.statefulSets.map((s) => ({ kind: 'StatefulSet' as const, obj: s })),
    ...snap.deployments.map((d) => ({ kind: 'Deployment' as const, obj: d })),
  ].flatMap(({ kind, obj }) => {
    const ns = obj.metadata?.namespace ?? 'default';
    const labels = obj.spec?.template.metadata?.labels ?? {};
    if (claimed(ns, labels)) return [];
    const c = workloadCandidate(kind, ns, obj.metadata?.name ?? '', { ...(obj.metadata?.labels ?? {}), ...labels }, obj.spec?.selector, obj.spec?.template.spec);
    return c ? [{ c, selector: obj.spec?.selector }] : [];
  });
  const bare = snap.pods.flatMap((p) => {
    const ns = p.metadata?.namespace ?? 'default';
    const labels = p.metadata?.labels ?? {};
    const owned = (p.metadata?.ownerReferences ?? []).length > 0 || claimed(ns, labels);
    const controlled = [...snap.statefulSets, ...snap.deployments].some((w) => w.metadata?.namespace === ns && matchesLabelSelector(labels, w.spec?.selector));
    if (owned || controlled) return [];
    const c = workloadCandidate('Pod', ns, p.metadata?.name ?? '', labels, { matchLabels: Object.fromEntries(Object.entries(labels).filter(([k]) => !podTemplateHash.has(k))) }, p.spec);
    return c ? [c] : [];
  });
  const all = [...operators, ...controllers.map((x) => x.c), ...bare].filter((c) => c.name);
  return all.map((c) => toProposal(snap, c)).sort((a, b) => a.key.localeCompare(b.key));
}
