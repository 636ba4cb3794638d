import { certSignatureCheck as check } from './check-cert-signature';
import { certInfo, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const leafSigned = (signatureAlgorithm: string, selfSigned = false) =>
  withData('certificate', { chain: [certInfo({ signatureAlgorithm, selfSigned })] });
const root = (signatureAlgorithm: string) => certInfo({ subject: 'CN=Root', issuer: 'CN=Root', selfSigned: true, signatureAlgorithm });

describeVerdicts(check, [
  { name: 'sha256 chain', obs: healthyObservations(), status: 'pass', summary: /leaf signed with sha256WithRSAEncryption/ },
  { name: 'sha1WithRSAEncryption leaf', obs: leafSigned('sha1WithRSAEncryption'), status: 'fail', summary: /CN=db\.example\.com \(sha1WithRSAEncryption\)/ },
  { name: 'ecdsa-with-SHA1 leaf', obs: leafSigned('ecdsa-with-SHA1'), status: 'fail' },
  { name: 'md5WithRSAEncryption leaf', obs: leafSigned('md5WithRSAEncryption'), status: 'fail' },
  { name: 'RSA-SHA1 spelling', obs: leafSigned('RSA-SHA1'), status: 'fail' },
  { name: 'SHA-1 spelling', obs: leafSigned('SHA-1 with RSA'), status: 'fail' },
  { name: 'self-signed leaf with SHA-1 still counts', obs: leafSigned('sha1WithRSAEncryption', true), status: 'fail' },
  { name: 'ecdsa-with-SHA256', obs: leafSigned('ecdsa-with-SHA256'), status: 'pass' },
  { name: 'sha512WithRSAEncryption', obs: leafSigned('sha512WithRSAEncryption'), status: 'pass' },
  { name: 'Ed25519', obs: leafSigned('Ed25519'), status: 'pass' },
  {
    name: 'SHA-1 self-signed root is ignored',
    obs: withData('certificate', { chain: [certInfo(), root('sha1WithRSAEncryption')] }),
    status: 'pass',
  },
  {
    name: 'SHA-1 intermediate counts',
    obs: withData('certificate', { chain: [certInfo(), certInfo({ subject: 'CN=Mid', signatureAlgorithm: 'sha1WithRSAEncryption' })] }),
    status: 'fail',
    summary: /^weak signature: CN=Mid \(sha1WithRSAEncryption\)$/,
  },
  { name: 'empty chain', obs: withData('certificate', { chain: [] }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
