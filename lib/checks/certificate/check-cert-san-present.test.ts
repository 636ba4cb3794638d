import { certSanPresentCheck as check } from './check-cert-san-present';
import { certInfo, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'SAN present', obs: healthyObservations(), status: 'pass', summary: /^SAN DNS:db\.example\.com$/ },
  {
    name: 'CN only',
    obs: withData('certificate', { chain: [certInfo({ subject: 'CN=db.example.com\nO=Acme', subjectAltNames: [] })] }),
    status: 'fail',
    summary: /^no subjectAltName: CN-only certificate \(CN=db\.example\.com\)$/,
    evidence: { subjectAltNames: [], commonName: 'db.example.com' },
  },
  { name: 'no SAN, no CN', obs: withData('certificate', { chain: [certInfo({ subject: 'O=Acme', subjectAltNames: [] })] }), status: 'fail', summary: /CN=none/ },
  { name: 'empty chain', obs: withData('certificate', { chain: [] }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
