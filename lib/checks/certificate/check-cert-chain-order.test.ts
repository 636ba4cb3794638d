import { certChainOrderCheck as check } from './check-cert-chain-order';
import { certInfo, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const leaf = certInfo();
const ca = certInfo({ subject: 'CN=Example Issuing CA', issuer: 'CN=Example Root CA', isCa: true, subjectAltNames: [] });
const stray = certInfo({ subject: 'CN=Old Issuing CA', issuer: 'CN=Old Root', isCa: true, subjectAltNames: [] });
const path = { ordered: true, unrelated: [], missingIssuer: null, anchor: null };

describeVerdicts(check, [
  { name: 'leaf then issuer', obs: healthyObservations(), status: 'pass', summary: /^served in order: CN=db\.example\.com → CN=Example Issuing CA$/ },
  { name: 'leaf alone', obs: withData('certificate', { chain: [leaf], path }), status: 'pass', summary: /^one certificate served/ },
  {
    name: 'issuer first',
    obs: withData('certificate', { chain: [ca, leaf], path: { ...path, ordered: false } }),
    status: 'warn',
    summary: /^served CN=Example Issuing CA → CN=db\.example\.com: not in issuing order$/,
    evidence: { ordered: false },
  },
  {
    name: 'an unrelated CA appended',
    obs: withData('certificate', { chain: [leaf, ca, stray], path: { ...path, unrelated: ['CN=Old Issuing CA'] } }),
    status: 'warn',
    summary: /1 unrelated: CN=Old Issuing CA$/,
  },
  { name: 'empty chain', obs: withData('certificate', { chain: [] }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
