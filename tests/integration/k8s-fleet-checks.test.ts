import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../lib/engines/evaluate-checks';
import type { CheckResult } from '../../lib/checks/check-definition';
import { buildProposals, type DiscoveryProposal } from '../../lib/discovery/build-proposals';
import { readDiscoverySnapshot } from '../../lib/discovery/read-discovery-snapshot';
import { collectObservations } from '../../lib/scan/collect-observations';
import { defaultPolicy, type ScanSpec } from '../../lib/scan/scan-spec';
import { startEmbeddedPostgres, type EmbeddedStore } from '../../lib/store/start-embedded-postgres';
import { createTestCa, issueServerCert } from '../../scripts/lab/lab-certificates';
import { writeOwnedFile } from '../../scripts/lab/write-owned-file';
import { startFakeKubeApi, writeKubeconfig, type FakeKubeApi } from '../support/fake-kube-api';
import { fleetNamespace, kubeFleetFixtures, operatorNamespace, postgresServices } from '../support/kube-fleet-fixtures';
import { freePort } from '../support/free-port';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-k8s-fleet-'));
chmodSync(dir, 0o755); // as root the server runs as 'postgres', which must enter this folder
const DAY = 86_400_000;
const ca = createTestCa({ commonName: 'bakery-ia test CA', days: 30 });
const altNames = ['127.0.0.1', 'localhost', `auth-db-service.${fleetNamespace}.svc`];
const served = issueServerCert(ca, { commonName: 'auth-db-service', altNames, notAfter: new Date(Date.now() + 20 * DAY) });
const rotated = issueServerCert(ca, { commonName: 'auth-db-service', altNames, notAfter: new Date(Date.now() + 400 * DAY) });
const shared = issueServerCert(ca, { commonName: 'postgres', altNames: ['localhost'] });

let api: FakeKubeApi;
let kubeconfigPath: string;
let authDb: EmbeddedStore;
let closedPort: number;
let proposals: DiscoveryProposal[];

beforeAll(async () => {
  api = await startFakeKubeApi(kubeFleetFixtures({ authDbSecretCertPem: rotated.certPem, authDbServedCertPem: served.certPem, sharedCertPem: shared.certPem }));
  kubeconfigPath = writeKubeconfig(path.join(dir, 'kubeconfig'), { server: api.url, caPem: api.caPem, token: api.token, context: 'bakery-prod' });
  closedPort = await freePort();
  authDb = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'auth-db'),
    port: await freePort(),
    password: randomBytes(12).toString('hex'),
    settings: { ssl: 'on', ssl_min_protocol_version: 'TLSv1.2' },
    configure: (dataDir, owner) => {
      writeOwnedFile(path.join(dataDir, 'server.crt'), served.certPem, owner, 0o644);
      writeOwnedFile(path.join(dataDir, 'server.key'), served.keyPem, owner, 0o600);
    },
  });
  proposals = buildProposals(await readDiscoverySnapshot({ kube: { kubeconfigPath }, namespaces: [], secretNamespaces: [fleetNamespace, operatorNamespace] }));
}, 120_000);

afterAll(async () => {
  await authDb?.stop();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  api.forbidden.length = 0;
});

const proposal = (name: string) => {
  const p = proposals.find((x) => x.name === name && x.namespace === fleetNamespace);
  if (!p) throw new Error(`no proposal for ${name}`);
  return p;
};

/** What a target added from the proposal scans with: auth-db is the real TLS server, the others refuse connections. */
function specFor(p: DiscoveryProposal, refs = p.refs): ScanSpec {
  const real = p.name === 'auth-db';
  return {
    engine: p.engine,
    host: '127.0.0.1',
    port: real ? authDb.port : closedPort,
    database: null,
    username: null,
    password: null,
    passwordSource: null,
    rotatedAt: null,
    caPem: ca.certPem,
    allowPlaintextLogin: false,
    kubernetes: refs,
    kube: { kubeconfigPath },
    backup: null,
    policy: defaultPolicy,
    timeouts: { connectMs: 3_000, probeMs: 10_000 },
  };
}

const scan = async (name: string, refs?: DiscoveryProposal['refs']) => evaluateChecks(await collectObservations(specFor(proposal(name), refs)));
const verdict = (results: CheckResult[], id: string) => results.find((r) => r.id === id);

const workloadChecks = [
  'k8s.pvc.bound',
  'k8s.pod.run_as_non_root',
  'k8s.pod.no_privilege_escalation',
  'k8s.pod.read_only_root_fs',
  'k8s.pod.not_privileged',
  'k8s.pod.capabilities_dropped',
  'k8s.service.not_exposed',
  'k8s.networkpolicy.isolated',
  'k8s.secret.password_from_secret',
  'k8s.tls.key_mode',
] as const;

/** Every Kubernetes verdict the fleet should get: pass unless listed here. */
const expectedFailures: Record<string, string[]> = {
  'orders-db': ['k8s.pvc.bound'],
  'pos-db': ['k8s.pod.run_as_non_root'],
  'external-db': ['k8s.service.not_exposed'],
  'notification-db': ['k8s.networkpolicy.isolated'],
  'recipes-db': ['k8s.tls.key_mode'],
  'sales-db': ['k8s.secret.password_from_secret'],
  'production-db': ['k8s.pod.no_privilege_escalation', 'k8s.pod.read_only_root_fs', 'k8s.pod.not_privileged', 'k8s.pod.capabilities_dropped'],
  'training-db': ['k8s.image.current'],
  'auth-db': ['cert.matches_secret'],
};

describe('discovery of the seed fleet (real client against the fake API server)', () => {
  it('proposes the 14 PostgreSQL databases, Redis, RabbitMQ and one cluster per operator, and nothing else', () => {
    const byNs = (ns: string) => proposals.filter((p) => p.namespace === ns).map((p) => `${p.kind}/${p.name}:${p.engine}`);
    expect(byNs(fleetNamespace)).toEqual(
      [...postgresServices.map((s) => `Deployment/${s}-db:postgresql`), 'Deployment/redis:redis', 'StatefulSet/rabbitmq:rabbitmq'].sort((a, b) => a.localeCompare(b)),
    );
    expect(byNs(operatorNamespace)).toEqual(['Cluster/payments:postgresql', 'PostgresCluster/hippo:postgresql', 'postgresql/acid-minimal-cluster:postgresql']);
  });

  it('fills in the refs a scan needs: selector, PVCs, the password and TLS Secrets, the Service host', () => {
    expect(proposal('auth-db')).toMatchObject({
      key: `bakery-prod/${fleetNamespace}/Deployment/auth-db`,
      host: `auth-db-service.${fleetNamespace}.svc`,
      port: 5432,
      refs: {
        context: 'bakery-prod',
        namespace: fleetNamespace,
        podSelector: 'app.kubernetes.io/name=auth-db',
        pvcNames: ['auth-db-pvc'],
        passwordSecret: { name: 'database-secrets', key: 'AUTH_DB_PASSWORD' },
        tlsSecret: { name: 'auth-db-tls' },
      },
      details: { foundBy: 'label', image: 'postgres:17-alpine', service: 'auth-db-service', secretNames: ['auth-db-tls', 'database-secrets'], loginUser: 'auth_user', pods: 1 },
    });
    expect(proposal('rabbitmq')).toMatchObject({ port: 5672, refs: { pvcNames: ['data-rabbitmq-0'] }, details: { foundBy: 'image' } });
    const payments = proposals.find((p) => p.name === 'payments');
    expect(payments).toMatchObject({
      host: `payments-rw.${operatorNamespace}.svc`,
      refs: { podSelector: 'cnpg.io/cluster=payments', pvcNames: ['payments-1'], passwordSecret: { name: 'payments-app', key: 'password' }, tlsSecret: { name: 'payments-server' } },
      details: { operator: 'CloudNativePG', loginUser: 'payments', pods: 1 },
    });
    expect(proposals.find((p) => p.name === 'hippo')).toMatchObject({ host: `hippo-primary.${operatorNamespace}.svc`, refs: { passwordSecret: { name: 'hippo-pguser-hippo' }, tlsSecret: { name: 'hippo-cluster-cert' } } });
    expect(proposals.find((p) => p.name === 'acid-minimal-cluster')).toMatchObject({ refs: { passwordSecret: { name: 'zalando.acid-minimal-cluster.credentials.postgresql.acid.zalan.do' } } });
  });

  it('reads Secret names as metadata only, never their data, and only in the allowed namespaces', () => {
    const secretLists = api.requests.filter((r) => /^\/api\/v1\/(namespaces\/[^/]+\/)?secrets/.test(r.path));
    expect(secretLists.length).toBeGreaterThan(0);
    expect(secretLists.map((r) => r.path.split('?')[0]).sort()).toEqual([...new Set(secretLists.map((r) => r.path.split('?')[0]))].sort());
    expect(secretLists.every((r) => r.path.startsWith(`/api/v1/namespaces/${fleetNamespace}/`) || r.path.startsWith(`/api/v1/namespaces/${operatorNamespace}/`))).toBe(true);
    expect(secretLists.every((r) => r.accept?.includes('as=PartialObjectMetadataList'))).toBe(true);
  });

  it('goes on without a refused list and names the missing RBAC grant', async () => {
    api.forbidden.push({ verb: 'list', resource: 'statefulsets' });
    const snap = await readDiscoverySnapshot({ kube: { kubeconfigPath }, namespaces: [], secretNamespaces: [fleetNamespace, operatorNamespace] });
    expect(snap.errors).toEqual([
      { resource: 'statefulsets', message: expect.stringContaining(`Posture's ClusterRole needs verb "list" on "statefulsets.apps" (at the cluster scope)`) },
    ]);
    const names = buildProposals(snap).map((p) => p.name);
    expect(names).toContain('auth-db');
    expect(names).not.toContain('rabbitmq');
  });
});

describe('Kubernetes checks on the seed fleet', () => {
  it('gives every database the expected verdict on every Kubernetes check', async () => {
    const names = [...postgresServices.map((s) => `${s}-db`), 'redis'];
    const table: Record<string, Record<string, string>> = {};
    for (const name of names) {
      const results = await scan(name);
      table[name] = Object.fromEntries([...workloadChecks, 'k8s.image.current', 'cert.matches_secret'].flatMap((id) => {
        const r = verdict(results, id);
        return r ? [[id, r.status]] : [];
      }));
    }
    const expected = Object.fromEntries(
      names.map((name) => {
        const fails = expectedFailures[name] ?? [];
        const ids = name === 'redis' ? workloadChecks : [...workloadChecks, 'k8s.image.current', 'cert.matches_secret'];
        // Only auth-db answers, so only there is a served certificate to compare; the others cannot be judged.
        return [name, Object.fromEntries(ids.map((id) => [id, fails.includes(id) ? 'fail' : id === 'cert.matches_secret' && name !== 'auth-db' ? 'error' : 'pass']))];
      }),
    );
    expect(table).toEqual(expected);
  }, 120_000);

  it('says why each bad database fails', async () => {
    const summary = async (name: string, id: string) => verdict(await scan(name), id)?.summary;
    expect(await summary('orders-db', 'k8s.pvc.bound')).toBe('not Bound: orders-db-pvc=Pending');
    expect(await summary('pos-db', 'k8s.pod.run_as_non_root')).toMatch(/^pos-db-\S+\/pos: runAsUser is 0 \(root\)$/);
    expect(await summary('external-db', 'k8s.service.not_exposed')).toBe('Service external-db-service: type NodePort (nodePort 30432)');
    expect(await summary('notification-db', 'k8s.networkpolicy.isolated')).toMatch(/^no ingress NetworkPolicy selects notification-db-/);
    expect(await summary('recipes-db', 'k8s.tls.key_mode')).toMatch(/:\/tls\/server-key\.pem 0644 \(kubernetes default \(0644\), Secret postgres-tls\)$/);
    expect(await summary('sales-db', 'k8s.secret.password_from_secret')).toMatch(/env POSTGRES_PASSWORD is a literal value$/);
    expect(await summary('training-db', 'k8s.image.current')).toBe('postgres:13.16: PostgreSQL 13 reached end of life on 2025-11-13');
    expect(await summary('tenant-db', 'k8s.networkpolicy.isolated')).toBe(`ingress only from pods app.kubernetes.io/name=tenant-service in ${fleetNamespace}`);
  });

  it('catches a rotated Secret the server has not reloaded, and passes once they agree', async () => {
    const stale = verdict(await scan('auth-db'), 'cert.matches_secret');
    expect(stale?.status).toBe('fail');
    expect(stale?.summary).toMatch(/^the Secret was rotated but the server has not reloaded: serves serial [0-9A-F]+ \(notAfter .*\), bakery-fixture\/auth-db-tls holds serial [0-9A-F]+/i);
    expect(stale?.evidence).toMatchObject({ secret: { key: 'server-cert.pem' } });
    const current = verdict(await scan('auth-db', { ...proposal('auth-db').refs, tlsSecret: { name: 'auth-db-tls-current' } }), 'cert.matches_secret');
    expect(current).toMatchObject({ status: 'pass', evidence: { secret: { key: 'tls.crt' } } });
    // The real server answered: the certificate checks judged what it served.
    expect(verdict(await scan('auth-db'), 'pg.tls.enabled')?.status).toBe('pass');
  });

  it('turns an RBAC 403 into an error on the checks that needed the refused read, naming the verb and resource', async () => {
    api.forbidden.push({ verb: 'list', resource: 'networkpolicies', namespace: fleetNamespace });
    const results = await scan('tenant-db');
    expect(verdict(results, 'k8s.networkpolicy.isolated')).toMatchObject({
      status: 'error',
      summary: expect.stringMatching(/^NetworkPolicies could not be listed: Kubernetes API answered 403 Forbidden: .*cannot list resource "networkpolicies" in API group "networking\.k8s\.io" in the namespace "bakery-fixture"\. Posture's ClusterRole needs verb "list" on "networkpolicies\.networking\.k8s\.io"/),
    });
    expect(verdict(results, 'k8s.pod.run_as_non_root')?.status).toBe('pass');
    expect(verdict(results, 'k8s.service.not_exposed')?.status).toBe('pass');

    api.forbidden.push({ verb: 'list', resource: 'pods' }, { verb: 'get', resource: 'secrets' });
    const blind = await scan('auth-db');
    for (const id of [...workloadChecks.filter((id) => id !== 'k8s.pvc.bound'), 'k8s.image.current']) {
      expect(verdict(blind, id), id).toMatchObject({ status: 'error', summary: expect.stringContaining('cannot list resource "pods"') });
    }
    expect(verdict(blind, 'cert.matches_secret')).toMatchObject({ status: 'error', summary: expect.stringContaining(`needs verb "get" on "secrets"`) });
    expect(verdict(blind, 'pg.tls.enabled')?.status).toBe('pass');
  }, 60_000);
});
