import { k8sPodReadOnlyRootFsCheck as check } from './check-k8s-pod-read-only-root-fs';
import { noPods, withContainers } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'read-only', obs: healthyObservations(), status: 'pass' },
  { name: 'init containers are not judged', obs: withContainers({}, { name: 'init', init: true, readOnlyRootFilesystem: null }), status: 'pass', summary: /\(1 container in 1 pod\)/ },
  { name: 'unset on the database container', obs: withContainers({ readOnlyRootFilesystem: null }), status: 'fail', summary: /readOnlyRootFilesystem is not set \(writable\)/ },
  { name: 'false on a sidecar', obs: withContainers({}, { name: 'exporter', readOnlyRootFilesystem: false }), status: 'fail', summary: /^postgres-0\/exporter: readOnlyRootFilesystem is false$/ },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);
