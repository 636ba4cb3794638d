import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const k8sPvcBoundCheck: CheckDefinition = {
  id: 'k8s.pvc.bound',
  title: 'PersistentVolumeClaims are Bound',
  area: 'storage',
  severity: 'high',
  why: 'A claim that is Pending or Lost means the database pod has no durable volume behind it: it cannot start, or its data is gone.',
  evaluate: (obs) =>
    outcomeVerdict(obs.k8sStorage, (k) => {
      const evidence = { namespace: k.namespace, selector: k.selector, pods: k.pods.map((p) => p.name), pvcs: k.pvcs.map((c) => ({ name: c.name, phase: c.phase, storageClass: c.storageClass, capacity: c.capacity })) };
      if (k.pods.length === 0) return { status: 'error', summary: `no pods match selector ${k.selector} in namespace ${k.namespace}`, evidence };
      if (k.pvcs.length === 0) return { status: 'fail', summary: 'no PersistentVolumeClaims found for the pods', evidence };
      const unbound = k.pvcs.filter((c) => c.phase !== 'Bound');
      if (unbound.length > 0) return { status: 'fail', summary: `not Bound: ${unbound.map((c) => `${c.name}=${c.phase}`).join(', ')}`, evidence };
      return { status: 'pass', summary: `${k.pvcs.length} of ${k.pvcs.length} PVCs Bound (${k.pvcs.map((c) => c.name).join(', ')})`, evidence };
    }),
  remediation: `List the claims and their state:
  kubectl get pvc -n <namespace>

For a Pending claim, read its events and check the storage class and provisioner:
  kubectl describe pvc <pvc-name> -n <namespace>
  kubectl get storageclass

For a Lost claim the backing volume is gone: restore the data from backup into a new claim, then point the StatefulSet at it:
  PostgreSQL: pgbackrest --stanza=<stanza> restore
  etcd: etcdctl snapshot restore <snapshot.db> --data-dir /var/lib/etcd

Once Bound, restart the pods that were waiting for it:
  kubectl rollout restart statefulset/<name> -n <namespace>`,
  compliance: [
    { framework: 'SOC 2', control: 'A1.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
