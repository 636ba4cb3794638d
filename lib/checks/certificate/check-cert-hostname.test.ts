import { certHostnameCheck as check } from './check-cert-hostname';
import { certInfo, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'matches', obs: healthyObservations(), status: 'pass', summary: /db\.example\.com matches/ },
  {
    name: 'SAN for another name',
    obs: withData('certificate', { hostnameMatches: false, chain: [certInfo({ subject: 'CN=other.example.com\nO=Acme', subjectAltNames: ['DNS:other.example.com'] })] }),
    status: 'fail',
    summary: /^db\.example\.com not in the certificate \(SAN DNS:other\.example\.com; CN=other\.example\.com\)$/,
    evidence: { host: 'db.example.com', subjectAltNames: ['DNS:other.example.com'], commonName: 'other.example.com' },
  },
  {
    name: 'no SAN, no CN',
    obs: withData('certificate', { hostnameMatches: false, chain: [certInfo({ subject: 'O=Acme', subjectAltNames: [] })] }),
    status: 'fail',
    summary: /no SAN; CN=none/,
  },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
