import { k8sPodNotPrivilegedCheck as check } from './check-k8s-pod-not-privileged';
import { noPods, withContainers } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'not privileged', obs: healthyObservations(), status: 'pass' },
  { name: 'unset is not privileged', obs: withContainers({ privileged: null }), status: 'pass' },
  { name: 'privileged init container', obs: withContainers({}, { name: 'sysctl', init: true, privileged: true }), status: 'fail', summary: /^postgres-0\/sysctl \(init\): privileged: true$/ },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);
