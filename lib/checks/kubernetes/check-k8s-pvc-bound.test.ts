import { describe, expect, it } from 'vitest';
import { checksFor } from '../../engines/engine-registry';
import { k8sPvcBoundCheck as check } from './check-k8s-pvc-bound';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const pvc = (name: string, phase: string) => ({ name, phase, storageClass: 'standard', capacity: '20Gi' });

describeVerdicts(check, [
  { name: 'all Bound', obs: healthyObservations(), status: 'pass', summary: /^1 of 1 PVCs Bound \(data-postgres-0\)$/ },
  {
    name: 'one Pending, one Lost',
    obs: withData('k8sStorage', { pvcs: [pvc('data-0', 'Bound'), pvc('data-1', 'Pending'), pvc('data-2', 'Lost')] }),
    status: 'fail',
    summary: /^not Bound: data-1=Pending, data-2=Lost$/,
  },
  { name: 'no PVCs for the pods', obs: withData('k8sStorage', { pvcs: [] }), status: 'fail', summary: /^no PersistentVolumeClaims found for the pods$/ },
  { name: 'no pods match', obs: withData('k8sStorage', { pods: [], pvcs: [] }), status: 'error', summary: /^no pods match selector app=postgres in namespace db$/ },
  { name: 'no Kubernetes refs', obs: withOutcome('k8sStorage', skipped('no Kubernetes namespace recorded for this target')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sStorage', failed('403 Forbidden')), status: 'error', summary: /403/ },
]);

describe('k8s.pvc.bound applicability', () => {
  it('applies to every engine', () => {
    expect(['postgresql', 'redis', 'etcd'].every((e) => checksFor(e).includes(check))).toBe(true);
  });
});
