import { k8sPodCapabilitiesDroppedCheck as check } from './check-k8s-pod-capabilities-dropped';
import { noPods, withContainers } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'drop ALL', obs: healthyObservations(), status: 'pass' },
  { name: 'drop all (lower case) and add NET_BIND_SERVICE', obs: withContainers({ capabilitiesDrop: ['all'], capabilitiesAdd: ['NET_BIND_SERVICE'] }), status: 'pass' },
  { name: 'drops nothing', obs: withContainers({ capabilitiesDrop: [] }), status: 'fail', summary: /does not drop ALL \(drop: \[\]\)/ },
  { name: 'drops some only', obs: withContainers({ capabilitiesDrop: ['NET_RAW'] }), status: 'fail', summary: /drop: \[NET_RAW\]/ },
  { name: 'adds CHOWN back', obs: withContainers({ capabilitiesAdd: ['CHOWN', 'NET_BIND_SERVICE'] }), status: 'fail', summary: /^postgres-0\/postgres: adds CHOWN$/ },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);
