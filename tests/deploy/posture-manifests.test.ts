import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAllYaml, type V1Deployment, type V1NetworkPolicy, type V1Pod, type V1Service } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkCatalog } from '../../lib/checks/check-catalog';
import { healthyObservations, ok } from '../fixtures/test-fixtures';
import { discoveredResources } from '../../lib/discovery/discovery-snapshot';
import { envSchema } from '../../lib/env';
import { k8sWorkloadObservation } from '../../lib/probes/k8s-workload-observation';

const dir = path.resolve(import.meta.dirname, '../../deploy/kubernetes');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
type Doc = { kind: string; metadata: { name: string; namespace?: string }; [k: string]: unknown };
const docs: Doc[] = files.flatMap((f) => parseAllDocuments(readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS() as Doc)).filter(Boolean);
const ofKind = <T>(kind: string) => docs.filter((d) => d.kind === kind) as unknown as T[];
// The client's own deserializer, as for objects read from the API (NetworkPolicy `from` becomes `_from`).
const typed = files.filter((f) => f !== 'kustomization.yaml').flatMap((f) => loadAllYaml(readFileSync(path.join(dir, f), 'utf8')) as { kind?: string }[]);
const ofType = <T>(kind: string) => typed.filter((d) => d.kind === kind) as T[];

const workloadCheckIds = [
  'k8s.pod.run_as_non_root',
  'k8s.pod.no_privilege_escalation',
  'k8s.pod.read_only_root_fs',
  'k8s.pod.not_privileged',
  'k8s.pod.capabilities_dropped',
  'k8s.service.not_exposed',
  'k8s.networkpolicy.isolated',
  'k8s.secret.password_from_secret',
  'k8s.tls.key_mode',
];

/** Posture's own k8s checks on one Deployment, as if its pod were running: the template becomes the pod. */
function judge(deployment: V1Deployment) {
  const template = deployment.spec!.template;
  const pod: V1Pod = { metadata: { name: `${deployment.metadata!.name}-0`, namespace: 'posture', labels: template.metadata?.labels }, spec: template.spec, status: { phase: 'Running' } };
  const observation = k8sWorkloadObservation({
    namespace: 'posture',
    selector: Object.entries(deployment.spec!.selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
    pods: [pod],
    services: { status: 'ok', items: ofType<V1Service>('Service') },
    networkPolicies: { status: 'ok', items: ofType<V1NetworkPolicy>('NetworkPolicy') },
  });
  const obs = { ...healthyObservations(), target: { engine: 'postgresql', host: 'posture', port: 3000, database: null }, k8sWorkload: ok(observation) };
  return Object.fromEntries(workloadCheckIds.map((id) => [id, checkCatalog.find((c) => c.id === id)!.evaluate(obs)]));
}

const deployments = ofType<V1Deployment>('Deployment');
const byName = (name: string) => structuredClone(deployments.find((d) => d.metadata?.name === name)!);

describe('deploy/kubernetes', () => {
  it('has Deployments web and worker, a ServiceAccount, a ClusterRole and binding, a NetworkPolicy, a Service and a Secret template kept out of the kustomization', () => {
    expect(deployments.map((d) => d.metadata?.name).sort()).toEqual(['web', 'worker']);
    for (const kind of ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'NetworkPolicy', 'Service', 'Secret', 'Namespace']) expect(ofKind(kind).length, kind).toBeGreaterThan(0);
    const kustomization = docs.find((d) => d.kind === 'Kustomization') as unknown as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml' && f !== 'secret.yaml').sort());
  });

  it.each(['web', 'worker'])('%s passes Posture’s own Kubernetes checks', (name) => {
    const verdicts = judge(byName(name));
    const summary = Object.fromEntries(Object.entries(verdicts).map(([id, v]) => [id, v.status]));
    expect(summary).toEqual({ ...Object.fromEntries(workloadCheckIds.map((id) => [id, 'pass'])), 'k8s.tls.key_mode': 'skip' });
  });

  it('the same checks catch a weakened copy, so the test above can fail', () => {
    const web = byName('web');
    const c = web.spec!.template.spec!.containers[0]!;
    c.securityContext = { ...c.securityContext, readOnlyRootFilesystem: false, capabilities: { drop: [] } };
    c.env = [...(c.env ?? []), { name: 'POSTURE_ADMIN_PASSWORD', value: 'literal' }];
    c.ports = [{ containerPort: 3000, hostPort: 3000 }];
    const v = judge(web);
    expect(['k8s.pod.read_only_root_fs', 'k8s.pod.capabilities_dropped', 'k8s.secret.password_from_secret', 'k8s.service.not_exposed'].map((id) => v[id]!.status)).toEqual(['fail', 'fail', 'fail', 'fail']);
  });

  it('grants read-only verbs on exactly the resources Posture reads', () => {
    const role = ofKind<{ metadata: { name: string }; rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[] }>('ClusterRole')[0]!;
    const verbs = new Set(role.rules.flatMap((r) => r.verbs));
    expect([...verbs].filter((v) => !['get', 'list', 'watch'].includes(v))).toEqual([]);
    const resources = role.rules.flatMap((r) => r.resources);
    expect(resources.some((r) => r.includes('*')) || role.rules.some((r) => r.apiGroups.includes('*'))).toBe(false);
    expect([...new Set(resources)].sort()).toEqual([...discoveredResources.filter((r) => r !== 'secrets'), 'networkpolicies', 'cronjobs'].sort());
    const binding = ofKind<{ subjects: { name: string; namespace: string }[]; roleRef: { name: string } }>('ClusterRoleBinding')[0]!;
    expect(binding).toMatchObject({ roleRef: { name: role.metadata.name }, subjects: [{ name: 'posture', namespace: 'posture' }] });
  });

  it('reads Secrets only through a namespaced Role, applied per allowed namespace, never cluster-wide', () => {
    const sub = path.join(dir, 'secret-reader');
    const subDocs = parseAllDocuments(readFileSync(path.join(sub, 'role.yaml'), 'utf8')).map((d) => d.toJS() as Doc & { rules?: { resources: string[]; verbs: string[] }[]; roleRef?: { kind: string; name: string }; subjects?: unknown[] });
    const role = subDocs.find((d) => d.kind === 'Role')!;
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }]);
    expect(subDocs.find((d) => d.kind === 'RoleBinding')).toMatchObject({ roleRef: { kind: 'Role', name: role.metadata.name }, subjects: [{ kind: 'ServiceAccount', name: 'posture', namespace: 'posture' }] });
    expect(docs.some((d) => d.kind === 'ClusterRole' && JSON.stringify(d).includes('secrets'))).toBe(false);
    expect(readFileSync(path.join(sub, 'kustomization.yaml'), 'utf8')).toMatch(/^namespace: databases$/m);
  });

  it('feeds every required setting from the Secret, which holds placeholders only', () => {
    const secret = ofKind<{ stringData: Record<string, string> }>('Secret')[0]!;
    expect(Object.values(secret.stringData).every((v) => v === 'REPLACE-ME')).toBe(true);
    const required = Object.entries(envSchema.shape).filter(([, s]) => !s.safeParse(undefined).success).map(([k]) => k);
    for (const d of deployments) {
      const env = d.spec!.template.spec!.containers[0]!.env ?? [];
      for (const name of required) {
        const e = env.find((x) => x.name === name);
        expect(e?.valueFrom?.secretKeyRef?.key, `${d.metadata?.name} ${name}`).toBe(name);
        expect(secret.stringData[name], name).toBeDefined();
      }
    }
  });

  it('probes the web app on /api/health (ready) and /api/health/live (alive) and runs the worker with its own command', () => {
    const web = byName('web').spec!.template.spec!.containers[0]!;
    expect(web.readinessProbe?.httpGet?.path).toBe('/api/health');
    expect(web.livenessProbe?.httpGet?.path).toBe('/api/health/live');
    expect(byName('worker').spec!.template.spec!.containers[0]!.command).toEqual(['node', 'dist/worker.mjs']);
  });

  it('probes the worker on the health port it is told to open', () => {
    const worker = byName('worker').spec!.template.spec!.containers[0]!;
    const port = worker.env?.find((e) => e.name === 'POSTURE_WORKER_HEALTH_PORT')?.value;
    expect(worker.ports?.find((p) => p.name === 'health')?.containerPort).toBe(Number(port));
    expect(worker.readinessProbe?.httpGet).toEqual({ path: '/healthz/ready', port: 'health' });
    expect(worker.livenessProbe?.httpGet).toEqual({ path: '/healthz/live', port: 'health' });
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(path.resolve(import.meta.dirname, '../../deploy/Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1)!;

  it('is multi-stage and runs as a numeric non-root user, with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(runtime).toMatch(/^USER 1000:1000$/m);
    expect(runtime).not.toMatch(/npm (install|ci)/);
    expect(runtime).toMatch(/COPY --from=prod-deps \/app\/node_modules/);
    expect(dockerfile).toMatch(/npm install --omit=dev/);
  });

  it('starts the same entry points as the manifests: the bundles, with node alone', () => {
    expect(runtime).toContain('CMD ["node", "dist/start.mjs"]');
    expect(byName('web').spec!.template.spec!.containers[0]!.command).toEqual(['node', 'dist/start.mjs']);
  });

  it('carries no TypeScript toolchain and no TypeScript source into the runtime stage', () => {
    const copied = [...runtime.matchAll(/^COPY --from=build (.+) \S+$/gm)].flatMap((m) => m[1]!.split(' '));
    expect(copied).toContain('/app/dist');
    for (const p of copied) expect(p, p).not.toMatch(/^\/app\/(lib|app|scripts|tests)$|tsconfig|prisma\.config\.ts|\/(tsx|typescript|esbuild)$/);
    expect(runtime).not.toMatch(/\btsx\b/);
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const tool of ['tsx', 'typescript', 'esbuild']) expect(Object.keys(pkg.dependencies)).not.toContain(tool);
  });
});
