import { k8sTlsKeyModeCheck as check } from './check-k8s-tls-key-mode';
import { keyFile, noPods } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const files = (...f: ReturnType<typeof keyFile>[]) => withData('k8sWorkload', { tlsKeyFiles: f });

describeVerdicts(check, [
  { name: '0600 from items.mode', obs: healthyObservations(), status: 'pass', summary: /^\/tls\/tls\.key 0600$/ },
  { name: '0400 defaultMode', obs: files(keyFile({ mode: 0o400, modeSource: 'defaultMode', path: '/tls/*' })), status: 'pass' },
  {
    name: 'Kubernetes default 0644',
    obs: files(keyFile({ mode: 0o644, modeSource: 'kubernetes default (0644)', path: '/tls/*' })),
    status: 'fail',
    summary: /^postgres-0:\/tls\/\* 0644 \(kubernetes default \(0644\), Secret postgres-tls\)$/,
    evidence: { keyFiles: [{ modeOctal: '0644' }] },
  },
  { name: '0640 is group-readable', obs: files(keyFile({ mode: 0o640 })), status: 'fail' },
  { name: '0644 fixed by an init chmod', obs: files(keyFile({ mode: 0o644, chmodByInit: 'fix-tls-permissions' })), status: 'warn', summary: /init container fix-tls-permissions runs chmod/ },
  { name: 'no TLS key mounted', obs: files(), status: 'skip', summary: /mount no TLS key/ },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);
