import { writeFileSync } from 'node:fs';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { createTestTlsCert } from './test-tls-cert';
import { listenOnLowPort } from './listen-low-port';

export interface KubeObject {
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
}

/** API group of every resource the fake serves; custom resources are served only when their fixture list exists (CRD installed). */
const groups = {
  pods: '',
  services: '',
  secrets: '',
  persistentvolumeclaims: '',
  statefulsets: 'apps',
  deployments: 'apps',
  cronjobs: 'batch',
  networkpolicies: 'networking.k8s.io',
  clusters: 'postgresql.cnpg.io',
  postgresclusters: 'postgres-operator.crunchydata.com',
  postgresqls: 'acid.zalan.do',
} as const;
const customResources = new Set(['clusters', 'postgresclusters', 'postgresqls']);

export type KubeResource = keyof typeof groups;
export type KubeFixtures = Partial<Record<KubeResource, KubeObject[]>>;

/** An RBAC rule the fake refuses with 403, as a real API server would for a ServiceAccount that lacks it. */
export interface ForbiddenRule {
  verb: 'get' | 'list';
  resource: KubeResource;
  /** only in this namespace; every scope when absent */
  namespace?: string;
}

export interface FakeRequest {
  method: string;
  path: string;
  accept: string | undefined;
}

export interface FakeKubeApi {
  url: string;
  caPem: string;
  /** the server's certificate and key, for another test server that shares them */
  certPem: string;
  keyPem: string;
  token: string;
  requests: FakeRequest[];
  /** edit to change what the server refuses, between calls */
  forbidden: ForbiddenRule[];
  close: () => Promise<void>;
}

const status = (code: number, reason: string, message: string) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });

/** Label selectors as the API server reads them: `k=v`, `k==v`, `k!=v`, `k` (exists), `!k`, comma = AND. */
export function matchesSelector(labels: Record<string, string> | undefined, selector: string | null): boolean {
  if (!selector) return true;
  const have = labels ?? {};
  return selector.split(',').map((t) => t.trim()).filter(Boolean).every((term) => {
    const m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S.*)?$/.exec(term);
    if (m) return m[2] === '!=' ? have[m[1]!] !== (m[3] ?? '') : have[m[1]!] === (m[3] ?? '');
    return term.startsWith('!') ? !(term.slice(1) in have) : term in have;
  });
}

const inNamespace = (objs: KubeObject[] | undefined, ns: string) => (objs ?? []).filter((o) => (o.metadata.namespace ?? 'default') === ns);

/**
 * A local HTTPS server that answers the Kubernetes API reads Posture makes, from fixtures, with the API's own shapes:
 * lists (namespaced or cluster-wide, with label selectors), single objects, metadata only when asked
 * (Accept: as=PartialObjectMetadata[List]), and Status bodies for 401/403/404. Fixtures are read live, so tests may edit them.
 */
export async function startFakeKubeApi(fixtures: KubeFixtures, token = 'test-token', forbidden: ForbiddenRule[] = []): Promise<FakeKubeApi> {
  const { certPem, keyPem, caPem } = createTestTlsCert();
  const requests: FakeRequest[] = [];
  const server = https.createServer({ cert: certPem, key: keyPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://fake');
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, accept: req.headers.accept });
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, status(401, 'Unauthorized', 'Unauthorized'));
    if (req.method !== 'GET') return send(405, status(405, 'MethodNotAllowed', 'the server does not allow this method'));

    const core = /^\/api\/v1(?:\/namespaces\/([^/]+))?\/([a-z]+)(?:\/([^/]+))?$/.exec(url.pathname);
    const named = /^\/apis\/([^/]+)\/[^/]+(?:\/namespaces\/([^/]+))?\/([a-z]+)(?:\/([^/]+))?$/.exec(url.pathname);
    const [group, ns, resource, name] = core ? ['', core[1], core[2]!, core[3]] : named ? [named[1]!, named[2], named[3]!, named[4]] : ['', undefined, '', undefined];
    if (!(resource in groups) || groups[resource as KubeResource] !== group) return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const kind = resource as KubeResource;
    const verb = name ? 'get' : 'list';
    if (forbidden.some((f) => f.verb === verb && f.resource === kind && (f.namespace === undefined || f.namespace === ns))) {
      const scope = ns ? `in the namespace "${ns}"` : 'at the cluster scope';
      const message = `${kind} ${name ? `"${name}" ` : ''}is forbidden: User "system:serviceaccount:posture:posture" cannot ${verb} resource "${kind}" in API group "${group}" ${scope}`;
      return send(403, status(403, 'Forbidden', message));
    }
    if (customResources.has(kind) && !fixtures[kind]) return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const all = fixtures[kind] ?? [];
    const scoped = ns ? inNamespace(all, ns) : all;
    const metadataOnly = req.headers.accept?.includes('as=PartialObjectMetadata');
    if (!name) {
      const items = scoped.filter((o) => matchesSelector(o.metadata.labels, url.searchParams.get('labelSelector')));
      if (metadataOnly) return send(200, { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '1' }, items: items.map((o) => ({ metadata: o.metadata })) });
      return send(200, { kind: 'List', apiVersion: group ? `${group}/v1` : 'v1', metadata: { resourceVersion: '1' }, items });
    }
    const found = scoped.find((o) => o.metadata.name === name);
    if (!found) return send(404, status(404, 'NotFound', `${kind} "${name}" not found`));
    if (metadataOnly) return send(200, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: found.metadata });
    return send(200, found);
  });
  await listenOnLowPort(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caPem,
    certPem,
    keyPem,
    token,
    requests,
    forbidden,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * A hung API server: it accepts connections and never answers. Without `tls` it does not even finish the TLS
 * handshake; with it, it completes TLS and then ignores the HTTP request.
 */
export async function startSilentServer(tls?: { certPem: string; keyPem: string }): Promise<{ url: string; openConnections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = tls ? https.createServer({ cert: tls.certPem, key: tls.keyPem }, () => {}) : net.createServer((s) => s.resume());
  // read (and drop) what arrives on raw sockets, so a client hang-up is noticed
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await listenOnLowPort(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    openConnections: () => sockets.size,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Writes a kubeconfig (JSON is valid YAML) for one cluster, one token user and one context. */
export function writeKubeconfig(file: string, opts: { server: string; caPem: string; token: string; context: string; namespace?: string }): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: `${opts.context}-cluster`, cluster: { server: opts.server, 'certificate-authority-data': Buffer.from(opts.caPem).toString('base64') } }],
    users: [{ name: `${opts.context}-user`, user: { token: opts.token } }],
    contexts: [{ name: opts.context, context: { cluster: `${opts.context}-cluster`, user: `${opts.context}-user`, namespace: opts.namespace ?? 'default' } }],
    'current-context': opts.context,
  };
  writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return file;
}
