import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const k8sStoragePersistentCheck: CheckDefinition = {
  id: 'k8s.storage.persistent',
  title: 'Data directory is on a PersistentVolumeClaim',
  area: 'storage',
  severity: 'high',
  why: 'An emptyDir is deleted with the pod and a hostPath is tied to one node, so a reschedule or node loss silently wipes the database. Only a PVC survives both.',
  evaluate: (obs) =>
    outcomeVerdict(obs.k8sStorage, (k) => {
      const pods = k.pods.map((p) => {
        const data = p.volumes.find((v) => v.isDataVolume) ?? null;
        return { pod: p.name, volume: data?.name ?? null, kind: data?.kind ?? null, claimName: data?.claimName ?? null, mountPaths: data?.mountPaths ?? [] };
      });
      const evidence = { namespace: k.namespace, selector: k.selector, dataVolumes: pods };
      if (pods.length === 0) return { status: 'error', summary: `no pods match selector ${k.selector} in namespace ${k.namespace}`, evidence };
      const ephemeral = pods.filter((p) => p.kind !== null && p.kind !== 'pvc' && p.kind !== 'other');
      if (ephemeral.length > 0) {
        return { status: 'fail', summary: `data directory not persistent: ${ephemeral.map((p) => `${p.pod} on ${p.kind} ${p.volume}`).join(', ')}`, evidence };
      }
      const unknown = pods.filter((p) => p.kind === null || p.kind === 'other');
      if (unknown.length > 0) {
        const list = unknown.map((p) => (p.kind === null ? `${p.pod}: no volume at the data directory` : `${p.pod}: ${p.volume} is neither a PVC nor emptyDir`)).join(', ');
        return { status: 'warn', summary: `data volume not confirmed: ${list}`, evidence };
      }
      return { status: 'pass', summary: `data on PVCs: ${pods.map((p) => `${p.pod}→${p.claimName ?? p.volume}`).join(', ')}`, evidence };
    }),
  remediation: `See what backs the data directory:
  kubectl get pod <pod> -n <namespace> -o jsonpath='{.spec.volumes}'

Move the data directory to a claim. In a StatefulSet, use volumeClaimTemplates (one PVC per replica):
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 20Gi } } }
and mount "data" at the data directory:
  PostgreSQL: PGDATA, e.g. /var/lib/postgresql/data
  Patroni: postgresql.data_dir in patroni.yml
  Redis: dir in redis.conf, e.g. /data
  RabbitMQ: /var/lib/rabbitmq
  etcd: --data-dir, e.g. /var/lib/etcd
  pgBackRest: repo1-path in pgbackrest.conf, e.g. /var/lib/pgbackrest

Take a backup first, apply the change, restore if the volume starts empty, then check the claims:
  PostgreSQL: pgbackrest --stanza=<stanza> backup (or pg_dump -Fc <db>)
  Redis: redis-cli -h <host> -p <port> --tls --rdb /backup/dump.rdb
  etcd: etcdctl snapshot save /backup/etcd.db
  RabbitMQ: rabbitmqctl export_definitions /backup/definitions.json
  kubectl get pvc -n <namespace>`,
  compliance: [
    { framework: 'SOC 2', control: 'A1.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
    { framework: 'GDPR', control: 'Art. 32(1)(c)' },
  ],
};
