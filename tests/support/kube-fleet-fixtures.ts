import type { KubeFixtures, KubeObject } from './fake-kube-api';

/**
 * The seed runbook's fleet on Kubernetes: 14 PostgreSQL Deployments, Redis and a RabbitMQ StatefulSet in bakery-ia,
 * each with a PVC, a ClusterIP Service, a NetworkPolicy and hardened pods, except the deliberately bad ones below.
 * A second namespace runs one cluster of each operator (CloudNativePG, Crunchy PGO, Zalando).
 */
// Not the example inventory's namespace: that file is imported into the shared test store by another test.
export const fleetNamespace = 'bakery-fixture';
export const operatorNamespace = 'data-platform';

export const postgresServices = ['auth', 'tenant', 'training', 'forecasting', 'sales', 'external', 'notification', 'inventory', 'recipes', 'suppliers', 'pos', 'orders', 'production', 'alert-processor'] as const;

/** What is wrong with each bad database; every other one passes every Kubernetes check. */
export const fleetFaults = {
  'orders-db': 'PVC Pending',
  'pos-db': 'container runs as root',
  'external-db': 'NodePort Service',
  'notification-db': 'no NetworkPolicy',
  'recipes-db': 'TLS key mode 0644',
  'auth-db': 'served certificate differs from the TLS Secret',
  'training-db': 'PostgreSQL 13 image (end of life)',
  'sales-db': 'literal password in env',
  'production-db': 'privileged, escalation allowed, capabilities kept, writable root',
} as const;

const b64 = (s: string) => Buffer.from(s).toString('base64');
const created = '2025-10-17T09:00:00Z';
const meta = (name: string, namespace: string, labels: Record<string, string> = {}) => ({ name, namespace, labels, creationTimestamp: created, uid: `${namespace}-${name}` });

const hardened = { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, capabilities: { drop: ['ALL'] } };

interface DbSpec {
  name: string;
  image: string;
  port: number;
  env: unknown[];
  args?: string[];
  tlsSecret: string;
  tlsItems: unknown[];
  tlsDefaultMode?: number;
  dataMount: string;
  containerSecurity: Record<string, unknown>;
  podSecurity: Record<string, unknown> | null;
}

function podSpec(db: DbSpec, pvc: string) {
  return {
    ...(db.podSecurity ? { securityContext: db.podSecurity } : {}),
    containers: [
      {
        name: db.name.replace(/-db$/, ''),
        image: db.image,
        ports: [{ name: 'db', containerPort: db.port, protocol: 'TCP' }],
        env: db.env,
        ...(db.args ? { args: db.args } : {}),
        securityContext: db.containerSecurity,
        volumeMounts: [
          { name: 'data', mountPath: db.dataMount },
          { name: 'tls-certs', mountPath: '/tls', readOnly: true },
          { name: 'run', mountPath: '/var/run/postgresql' },
          { name: 'tmp', mountPath: '/tmp' },
        ],
      },
    ],
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: pvc } },
      { name: 'tls-certs', secret: { secretName: db.tlsSecret, items: db.tlsItems, ...(db.tlsDefaultMode !== undefined ? { defaultMode: db.tlsDefaultMode } : {}) } },
      { name: 'run', emptyDir: {} },
      { name: 'tmp', emptyDir: {} },
    ],
  };
}

const labelsOf = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'database', 'app.kubernetes.io/part-of': 'bakery-ia' });

function deployment(db: DbSpec, pvc: string): KubeObject[] {
  const labels = labelsOf(db.name);
  const spec = podSpec(db, pvc);
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(db.name, fleetNamespace, labels),
      spec: { replicas: 1, selector: { matchLabels: { 'app.kubernetes.io/name': db.name } }, template: { metadata: { labels }, spec } },
      status: { replicas: 1, readyReplicas: 1 },
    },
  ];
}

function pod(db: DbSpec, pvc: string, suffix: string, phase = 'Running'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta(`${db.name}-${suffix}`, fleetNamespace, { ...labelsOf(db.name), 'pod-template-hash': suffix.split('-')[0]! }), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${db.name}-${suffix.split('-')[0]}`, uid: 'rs', controller: true }] },
    spec: podSpec(db, pvc),
    status: { phase, podIP: `10.244.1.${(suffix.charCodeAt(0) % 200) + 2}` },
  };
}

const service = (name: string, selectorName: string, port: number, type = 'ClusterIP', namespace = fleetNamespace, nodePort?: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta(name, namespace),
  spec: { type, clusterIP: '10.96.0.10', selector: { 'app.kubernetes.io/name': selectorName }, ports: [{ name: 'db', port, targetPort: port, protocol: 'TCP', ...(nodePort ? { nodePort } : {}) }] },
  status: { loadBalancer: {} },
});

const pvc = (name: string, phase: 'Bound' | 'Pending', namespace = fleetNamespace, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: meta(name, namespace, labels),
  spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '2Gi' } } },
  status: phase === 'Bound' ? { phase, capacity: { storage: '2Gi' } } : { phase },
});

const ingressPolicy = (db: string, client: string, port: number): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: meta(`${db}-ingress`, fleetNamespace),
  spec: {
    podSelector: { matchLabels: { 'app.kubernetes.io/name': db } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': client } } }], ports: [{ protocol: 'TCP', port }] }],
  },
});

const secret = (name: string, namespace: string, data: Record<string, string>, type = 'Opaque'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type,
  metadata: meta(name, namespace),
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
});

const tlsItems = (keyMode: number | null) => [
  { key: 'server-cert.pem', path: 'server-cert.pem', mode: 0o644 },
  { key: 'server-key.pem', path: 'server-key.pem', ...(keyMode !== null ? { mode: keyMode } : {}) },
  { key: 'ca-cert.pem', path: 'ca-cert.pem', mode: 0o644 },
];

function postgresDb(service: string): DbSpec {
  const name = `${service}-db`;
  const upper = service.toUpperCase().replace(/-/g, '_');
  const faults = fleetFaults as Record<string, string>;
  const db: DbSpec = {
    name,
    image: 'postgres:17-alpine',
    port: 5432,
    env: [
      { name: 'POSTGRES_DB', value: `${service.replace(/-/g, '_')}_db` },
      { name: 'POSTGRES_USER', value: `${service.replace(/-/g, '_')}_user` },
      { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'database-secrets', key: `${upper}_DB_PASSWORD` } } },
      { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
    ],
    tlsSecret: name === 'auth-db' ? 'auth-db-tls' : 'postgres-tls',
    tlsItems: tlsItems(0o600),
    dataMount: '/var/lib/postgresql/data',
    containerSecurity: hardened,
    podSecurity: { runAsNonRoot: true, runAsUser: 70, fsGroup: 70 },
  };
  if (!faults[name]) return db;
  if (name === 'pos-db') return { ...db, podSecurity: null, containerSecurity: { ...hardened, runAsNonRoot: undefined, runAsUser: 0 } };
  if (name === 'recipes-db') return { ...db, tlsItems: tlsItems(null) };
  if (name === 'training-db') return { ...db, image: 'postgres:13.16' };
  if (name === 'sales-db') return { ...db, env: db.env.map((e) => ((e as { name: string }).name === 'POSTGRES_PASSWORD' ? { name: 'POSTGRES_PASSWORD', value: 'sales-literal-password-in-git' } : e)) };
  if (name === 'production-db') return { ...db, containerSecurity: { runAsNonRoot: true, privileged: true, allowPrivilegeEscalation: true, readOnlyRootFilesystem: false } };
  return db;
}

export interface FleetCertificates {
  /** what auth-db's Secret holds: a newer certificate than the server serves */
  authDbSecretCertPem: string;
  /** what auth-db's server actually serves, for a second Secret that matches it */
  authDbServedCertPem: string;
  /** the shared postgres-tls Secret's certificate */
  sharedCertPem: string;
}

export function kubeFleetFixtures(certs: FleetCertificates): KubeFixtures {
  const fixtures: Required<Pick<KubeFixtures, 'pods' | 'deployments' | 'statefulsets' | 'services' | 'persistentvolumeclaims' | 'networkpolicies' | 'secrets'>> & KubeFixtures = {
    pods: [],
    deployments: [],
    statefulsets: [],
    services: [],
    persistentvolumeclaims: [],
    networkpolicies: [],
    secrets: [],
  };
  for (const s of postgresServices) {
    const db = postgresDb(s);
    const claim = `${db.name}-pvc`;
    fixtures.deployments.push(...deployment(db, claim));
    fixtures.pods.push(pod(db, claim, `7f9c${s.length}b-x${s.slice(0, 3)}`));
    fixtures.persistentvolumeclaims.push(pvc(claim, db.name === 'orders-db' ? 'Pending' : 'Bound'));
    fixtures.services.push(db.name === 'external-db' ? service(`${db.name}-service`, db.name, 5432, 'NodePort', fleetNamespace, 30432) : service(`${db.name}-service`, db.name, 5432));
    if (db.name !== 'notification-db') fixtures.networkpolicies.push(ingressPolicy(db.name, `${s}-service`, 5432));
  }

  const redis: DbSpec = {
    name: 'redis',
    image: 'redis:7.4-alpine',
    port: 6379,
    env: [{ name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'redis-secrets', key: 'REDIS_PASSWORD' } } }],
    args: ['--requirepass', '$(REDIS_PASSWORD)', '--tls-port', '6379', '--port', '0', '--tls-cert-file', '/tls/redis-cert.pem', '--tls-key-file', '/tls/redis-key.pem'],
    tlsSecret: 'redis-tls',
    tlsItems: [
      { key: 'redis-cert.pem', path: 'redis-cert.pem', mode: 0o644 },
      { key: 'redis-key.pem', path: 'redis-key.pem', mode: 0o400 },
    ],
    dataMount: '/data',
    containerSecurity: hardened,
    podSecurity: { runAsNonRoot: true, runAsUser: 999, fsGroup: 999 },
  };
  fixtures.deployments.push(...deployment(redis, 'redis-pvc'));
  fixtures.pods.push(pod(redis, 'redis-pvc', '5d8f-rd01'));
  fixtures.persistentvolumeclaims.push(pvc('redis-pvc', 'Bound'));
  fixtures.services.push(service('redis-service', 'redis', 6379));
  fixtures.networkpolicies.push(ingressPolicy('redis', 'gateway', 6379));

  // RabbitMQ as a StatefulSet with a claim template; found by its image, it carries no component label.
  const rabbitLabels = { 'app.kubernetes.io/name': 'rabbitmq' };
  fixtures.statefulsets.push({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('rabbitmq', fleetNamespace, rabbitLabels),
    spec: {
      replicas: 1,
      serviceName: 'rabbitmq',
      selector: { matchLabels: rabbitLabels },
      template: { metadata: { labels: rabbitLabels }, spec: { containers: [{ name: 'rabbitmq', image: 'rabbitmq:4.1-management', ports: [{ containerPort: 5672 }], securityContext: hardened }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  });
  fixtures.pods.push({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta('rabbitmq-0', fleetNamespace, { ...rabbitLabels, 'statefulset.kubernetes.io/pod-name': 'rabbitmq-0' }), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'rabbitmq', uid: 'sts', controller: true }] },
    spec: { containers: [{ name: 'rabbitmq', image: 'rabbitmq:4.1-management', securityContext: hardened }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-rabbitmq-0' } }] },
    status: { phase: 'Running' },
  });
  fixtures.persistentvolumeclaims.push(pvc('data-rabbitmq-0', 'Bound'));
  fixtures.services.push(service('rabbitmq', 'rabbitmq', 5672));

  // An application and a metrics exporter: neither is a database.
  const appLabels = { 'app.kubernetes.io/name': 'auth-service', 'app.kubernetes.io/component': 'service' };
  fixtures.deployments.push({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('auth-service', fleetNamespace, appLabels),
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': 'auth-service' } },
      template: { metadata: { labels: appLabels }, spec: { containers: [{ name: 'app', image: 'bakery/auth-service:1.8.2' }, { name: 'exporter', image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0' }] } },
    },
  });

  fixtures.secrets.push(
    secret('database-secrets', fleetNamespace, Object.fromEntries(postgresServices.map((s) => [`${s.toUpperCase().replace(/-/g, '_')}_DB_PASSWORD`, `pw-${s}-0123456789abcdef0123456789`]))),
    secret('redis-secrets', fleetNamespace, { REDIS_PASSWORD: 'redis-pw-0123456789abcdef0123456789' }),
    secret('postgres-tls', fleetNamespace, { 'server-cert.pem': certs.sharedCertPem, 'server-key.pem': 'not a real key', 'ca-cert.pem': certs.sharedCertPem }),
    secret('auth-db-tls', fleetNamespace, { 'ca-cert.pem': certs.sharedCertPem, 'server-cert.pem': certs.authDbSecretCertPem, 'server-key.pem': 'not a real key' }),
    secret('auth-db-tls-current', fleetNamespace, { 'tls.crt': certs.authDbServedCertPem, 'tls.key': 'not a real key' }, 'kubernetes.io/tls'),
    secret('redis-tls', fleetNamespace, { 'redis-cert.pem': certs.sharedCertPem, 'redis-key.pem': 'not a real key' }),
  );

  // Operators: each owns its pods (and StatefulSets), which must not be proposed a second time.
  const ns = operatorNamespace;
  fixtures.clusters = [{ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: meta('payments', ns), spec: { instances: 1, imageName: 'ghcr.io/cloudnative-pg/postgresql:16.4', bootstrap: { initdb: { database: 'payments', owner: 'payments' } } } }];
  fixtures.pods.push({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta('payments-1', ns, { 'cnpg.io/cluster': 'payments', 'cnpg.io/instanceRole': 'primary' }), ownerReferences: [{ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', name: 'payments', uid: 'c', controller: true }] },
    spec: { containers: [{ name: 'postgres', image: 'ghcr.io/cloudnative-pg/postgresql:16.4', securityContext: hardened }], volumes: [{ name: 'pgdata', persistentVolumeClaim: { claimName: 'payments-1' } }] },
    status: { phase: 'Running' },
  });
  fixtures.persistentvolumeclaims.push(pvc('payments-1', 'Bound', ns, { 'cnpg.io/cluster': 'payments' }));
  fixtures.services.push({ ...service('payments-rw', 'payments', 5432, 'ClusterIP', ns), spec: { type: 'ClusterIP', selector: { 'cnpg.io/cluster': 'payments', 'cnpg.io/instanceRole': 'primary' }, ports: [{ port: 5432, targetPort: 5432 }] } });
  fixtures.secrets.push(secret('payments-app', ns, { username: 'payments', password: 'x' }), secret('payments-server', ns, { 'tls.crt': certs.sharedCertPem }), secret('payments-ca', ns, { 'ca.crt': certs.sharedCertPem }));

  fixtures.postgresclusters = [{ apiVersion: 'postgres-operator.crunchydata.com/v1beta1', kind: 'PostgresCluster', metadata: meta('hippo', ns), spec: { postgresVersion: 16, image: 'registry.developers.crunchydata.com/crunchydata/crunchy-postgres:ubi8-16.4-0' } }];
  const hippoLabels = { 'postgres-operator.crunchydata.com/cluster': 'hippo', 'postgres-operator.crunchydata.com/instance-set': 'instance1' };
  fixtures.statefulsets.push({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { ...meta('hippo-instance1-abcd', ns, hippoLabels), ownerReferences: [{ apiVersion: 'postgres-operator.crunchydata.com/v1beta1', kind: 'PostgresCluster', name: 'hippo', uid: 'h', controller: true }] },
    spec: { selector: { matchLabels: hippoLabels }, template: { metadata: { labels: hippoLabels }, spec: { containers: [{ name: 'database', image: 'registry.developers.crunchydata.com/crunchydata/crunchy-postgres:ubi8-16.4-0' }] } } },
  });
  fixtures.pods.push({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta('hippo-instance1-abcd-0', ns, hippoLabels), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'hippo-instance1-abcd', uid: 'hs', controller: true }] },
    spec: { containers: [{ name: 'database', image: 'registry.developers.crunchydata.com/crunchydata/crunchy-postgres:ubi8-16.4-0' }] },
    status: { phase: 'Running' },
  });
  fixtures.services.push({ ...service('hippo-primary', 'hippo', 5432, 'ClusterIP', ns), spec: { type: 'ClusterIP', clusterIP: 'None', ports: [{ port: 5432 }] } });
  fixtures.secrets.push(secret('hippo-pguser-hippo', ns, { user: 'hippo', password: 'x' }), secret('hippo-cluster-cert', ns, { 'tls.crt': certs.sharedCertPem }));

  fixtures.postgresqls = [{ apiVersion: 'acid.zalan.do/v1', kind: 'postgresql', metadata: meta('acid-minimal-cluster', ns), spec: { teamId: 'acid', numberOfInstances: 1, users: { zalando: ['superuser'] }, postgresql: { version: '16' } } }];
  const acidLabels = { 'cluster-name': 'acid-minimal-cluster', application: 'spilo', team: 'acid' };
  fixtures.statefulsets.push({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('acid-minimal-cluster', ns, acidLabels),
    spec: { selector: { matchLabels: acidLabels }, template: { metadata: { labels: acidLabels }, spec: { containers: [{ name: 'postgres', image: 'ghcr.io/zalando/spilo-16:3.3-p1' }] } } },
  });
  fixtures.services.push({ ...service('acid-minimal-cluster', 'acid', 5432, 'ClusterIP', ns), spec: { type: 'ClusterIP', selector: {}, ports: [{ port: 5432 }] } });
  fixtures.secrets.push(secret('zalando.acid-minimal-cluster.credentials.postgresql.acid.zalan.do', ns, { username: 'zalando', password: 'x' }));
  return fixtures;
}
