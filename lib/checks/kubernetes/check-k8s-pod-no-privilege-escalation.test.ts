import { k8sPodNoPrivilegeEscalationCheck as check } from './check-k8s-pod-no-privilege-escalation';
import { noPods, withContainers } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'false everywhere', obs: healthyObservations(), status: 'pass', summary: /^allowPrivilegeEscalation is false everywhere/ },
  { name: 'not set', obs: withContainers({ allowPrivilegeEscalation: null }), status: 'fail', summary: /not set \(defaults to true\)/ },
  { name: 'true on an init container', obs: withContainers({}, { name: 'init', init: true, allowPrivilegeEscalation: true }), status: 'fail', summary: /^postgres-0\/init \(init\): allowPrivilegeEscalation is true$/ },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);
