import type { K8sVolumeObservation } from '../../probes/observations/kubernetes';
import { k8sStoragePersistentCheck as check } from './check-k8s-storage-persistent';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const vol = (kind: K8sVolumeObservation['kind'], isDataVolume = true): K8sVolumeObservation => ({
  name: kind === 'pvc' ? 'data' : `${kind}-vol`,
  kind,
  claimName: kind === 'pvc' ? 'data-pg' : null,
  mountPaths: ['/var/lib/postgresql/data'],
  isDataVolume,
});
const pods = (...volumes: K8sVolumeObservation[][]) =>
  withData('k8sStorage', { pods: volumes.map((v, i) => ({ name: `postgres-${i}`, phase: 'Running', volumes: v })) });

describeVerdicts(check, [
  { name: 'data on a PVC', obs: healthyObservations(), status: 'pass', summary: /postgres-0→data-postgres-0/ },
  { name: 'emptyDir', obs: pods([vol('emptyDir')]), status: 'fail', summary: /^data directory not persistent: postgres-0 on emptyDir emptyDir-vol$/ },
  { name: 'hostPath', obs: pods([vol('hostPath')]), status: 'fail', summary: /hostPath/ },
  { name: 'one replica on PVC, one on emptyDir', obs: pods([vol('pvc')], [vol('emptyDir')]), status: 'fail', summary: /postgres-1 on emptyDir/ },
  { name: 'no data volume identified', obs: pods([vol('secret', false)]), status: 'warn', summary: /postgres-0: no volume at the data directory/ },
  { name: 'unrecognised volume kind', obs: pods([vol('other')]), status: 'warn', summary: /neither a PVC nor emptyDir/ },
  { name: 'fail outranks warn', obs: pods([vol('secret', false)], [vol('emptyDir')]), status: 'fail' },
  { name: 'no pods match', obs: withData('k8sStorage', { pods: [] }), status: 'error', summary: /no pods match selector/ },
  { name: 'probe skipped', obs: withOutcome('k8sStorage', skipped('no Kubernetes refs')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('k8sStorage', failed('x')), status: 'error' },
]);
