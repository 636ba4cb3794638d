import { k8sPodRunAsNonRootCheck as check } from './check-k8s-pod-run-as-non-root';
import { noPods, withContainers } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'runAsNonRoot and uid 70', obs: healthyObservations(), status: 'pass', summary: /^every container runs as non-root \(1 container in 1 pod\)$/ },
  { name: 'a non-root uid without runAsNonRoot', obs: withContainers({ runAsNonRoot: null, runAsUser: 999 }), status: 'pass' },
  { name: 'uid 0', obs: withContainers({ runAsNonRoot: null, runAsUser: 0 }), status: 'fail', summary: /^postgres-0\/postgres: runAsUser is 0 \(root\)$/ },
  {
    name: 'nothing set: the image decides',
    obs: withContainers({}, { name: 'fix-tls-permissions', init: true, runAsNonRoot: null, runAsUser: null }),
    status: 'fail',
    summary: /^postgres-0\/fix-tls-permissions \(init\): neither runAsNonRoot nor a non-root runAsUser is set/,
    evidence: { containers: [{ container: 'postgres', problem: null }, { container: 'fix-tls-permissions', init: true }] },
  },
  { name: 'runAsNonRoot false', obs: withContainers({ runAsNonRoot: false, runAsUser: null }), status: 'fail', summary: /runAsNonRoot is false/ },
  { name: 'no pods', obs: noPods(), status: 'error', summary: /^no pods match selector app=postgres in namespace db$/ },
  { name: 'no refs', obs: withOutcome('k8sWorkload', skipped('the target has no Kubernetes refs')), status: 'skip' },
  { name: 'RBAC refused', obs: withOutcome('k8sWorkload', failed('Kubernetes API answered 403 Forbidden: pods is forbidden')), status: 'error', summary: /403 Forbidden/ },
]);
