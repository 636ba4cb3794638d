import type { KubeFixtures, KubeObject } from './fake-kube-api';

const ns = 'databases';

const pod = (name: string, app: string, volumes: unknown[], mounts: unknown[], env: unknown[] = []): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels: { app, 'app.kubernetes.io/component': 'database' }, creationTimestamp: '2025-10-01T00:00:00Z' },
  spec: {
    containers: [
      { name: 'postgres', image: 'postgres:17', env, volumeMounts: mounts },
      { name: 'exporter', image: 'postgres-exporter', volumeMounts: mounts.slice(0, 1) },
    ],
    volumes,
  },
  status: { phase: 'Running' },
});

const pvc = (name: string, phase: 'Bound' | 'Pending', storageClass: string, size: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: ns, creationTimestamp: '2025-10-01T00:00:00Z' },
  spec: { accessModes: ['ReadWriteOnce'], storageClassName: storageClass, resources: { requests: { storage: size } } },
  status: phase === 'Bound' ? { phase, accessModes: ['ReadWriteOnce'], capacity: { storage: size } } : { phase },
});

/** Three database pods (Bound PVC, Pending PVC, emptyDir data dir), a password Secret and a backup CronJob. */
export function kubeFixtures(opts: { cronJobLastSuccess: Date; secretPassword: string }): KubeFixtures {
  return {
    pods: [
      pod(
        'auth-db-0',
        'auth-db',
        [
          { name: 'data', persistentVolumeClaim: { claimName: 'data-auth-db-0' } },
          { name: 'tls', secret: { secretName: 'auth-db-tls' } },
          { name: 'config', configMap: { name: 'auth-db-config' } },
        ],
        [
          { name: 'data', mountPath: '/var/lib/postgresql/data' },
          { name: 'tls', mountPath: '/etc/tls', readOnly: true },
          { name: 'config', mountPath: '/etc/postgresql/' },
        ],
        [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
      ),
      pod('billing-db-0', 'billing-db', [{ name: 'pgdata', persistentVolumeClaim: { claimName: 'data-billing-db-0' } }], [{ name: 'pgdata', mountPath: '/pgdata' }]),
      pod(
        'cache-db-0',
        'cache-db',
        [
          { name: 'pgdata', emptyDir: {} },
          { name: 'logs', hostPath: { path: '/var/log/pg', type: 'DirectoryOrCreate' } },
        ],
        [
          { name: 'pgdata', mountPath: '/home/postgres/pgdata' },
          { name: 'logs', mountPath: '/var/log/postgresql' },
        ],
      ),
    ],
    persistentvolumeclaims: [pvc('data-auth-db-0', 'Bound', 'standard', '10Gi'), pvc('data-billing-db-0', 'Pending', 'fast-ssd', '20Gi'), pvc('wal-auth-db-0', 'Bound', 'standard', '5Gi')],
    secrets: [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: {
          name: 'auth-db-password',
          namespace: ns,
          creationTimestamp: '2025-01-01T00:00:00Z',
          managedFields: [
            { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: {} },
            { manager: 'rotate-password', operation: 'Update', apiVersion: 'v1', time: '2025-06-15T12:30:00Z', fieldsType: 'FieldsV1', fieldsV1: {} },
            { manager: 'kubectl-label', operation: 'Update', apiVersion: 'v1', time: '2025-03-01T08:00:00Z', fieldsType: 'FieldsV1', fieldsV1: {} },
          ],
        },
        data: { password: Buffer.from(opts.secretPassword).toString('base64'), username: Buffer.from('auth').toString('base64') },
      },
    ],
    cronjobs: [
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'auth-db-backup', namespace: ns, creationTimestamp: '2025-01-01T00:00:00Z' },
        spec: { schedule: '0 3 * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers: [], restartPolicy: 'OnFailure' } } } } },
        status: { lastScheduleTime: opts.cronJobLastSuccess.toISOString(), lastSuccessfulTime: opts.cronJobLastSuccess.toISOString() },
      },
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'never-succeeded', namespace: ns },
        spec: { schedule: '0 4 * * *', jobTemplate: { spec: { template: { spec: { containers: [], restartPolicy: 'OnFailure' } } } } },
        status: {},
      },
    ],
  };
}

export const fixtureNamespace = ns;
