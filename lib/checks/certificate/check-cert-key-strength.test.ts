import { certKeyStrengthCheck as check } from './check-cert-key-strength';
import { certInfo, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const ca = certInfo({ subject: 'CN=Example Issuing CA' });
const leafWith = (patch: Parameters<typeof certInfo>[0]) => withData('certificate', { chain: [certInfo(patch), ca] });

describeVerdicts(check, [
  { name: 'RSA 4096 chain', obs: healthyObservations(), status: 'pass', summary: /all 2 certificate keys are strong \(leaf RSA 4096\)/ },
  { name: 'RSA 2048 (boundary)', obs: leafWith({ keyBits: 2048 }), status: 'pass' },
  { name: 'RSA 2047', obs: leafWith({ keyBits: 2047 }), status: 'fail', summary: /CN=db\.example\.com: RSA 2047 bits < 2048/ },
  { name: 'RSA 1024', obs: leafWith({ keyBits: 1024 }), status: 'fail', summary: /RSA 1024 bits/ },
  { name: 'EC P-256', obs: leafWith({ keyType: 'ec', keyBits: 256, curve: 'prime256v1' }), status: 'pass' },
  { name: 'EC P-384', obs: leafWith({ keyType: 'ec', keyBits: 384, curve: 'secp384r1' }), status: 'pass' },
  { name: 'EC 224', obs: leafWith({ keyType: 'ec', keyBits: 224, curve: 'secp224r1' }), status: 'fail', summary: /EC 224 bits \(secp224r1\) < 256/ },
  { name: 'EC bits from curve name', obs: leafWith({ keyType: 'ec', keyBits: null, curve: 'prime192v1' }), status: 'fail', summary: /EC 192 bits/ },
  { name: 'Ed25519', obs: leafWith({ keyType: 'ed25519', keyBits: 256, curve: null }), status: 'pass' },
  { name: 'Ed448', obs: leafWith({ keyType: 'ed448', keyBits: null, curve: null }), status: 'pass' },
  {
    name: 'weak intermediate',
    obs: withData('certificate', { chain: [certInfo(), certInfo({ subject: 'CN=Old CA', keyBits: 1024 })] }),
    status: 'fail',
    summary: /^weak key: CN=Old CA: RSA 1024 bits < 2048$/,
  },
  { name: 'unknown RSA size', obs: leafWith({ keyBits: null }), status: 'error', summary: /key size unknown/ },
  { name: 'unknown key type', obs: leafWith({ keyType: 'x448', keyBits: null }), status: 'error', summary: /not recognised/ },
  { name: 'empty chain', obs: withData('certificate', { chain: [] }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('TLS is not offered')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
