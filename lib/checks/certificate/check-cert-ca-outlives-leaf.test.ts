import { certCaOutlivesLeafCheck as check } from './check-cert-ca-outlives-leaf';
import { certInfo, daysFromNow, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const leaf = certInfo({ notAfter: daysFromNow(335) });
const ca = (notAfterDays: number) => certInfo({ subject: 'CN=Example Issuing CA', issuer: 'CN=Example Root CA', isCa: true, notAfter: daysFromNow(notAfterDays), fingerprint256: 'CA:01' });
const root = (notAfterDays: number) => certInfo({ subject: 'CN=Example Root CA', issuer: 'CN=Example Root CA', isCa: true, selfSigned: true, notAfter: daysFromNow(notAfterDays), fingerprint256: 'CA:02' });
const path = { ordered: true, unrelated: [], missingIssuer: null, anchor: null };

describeVerdicts(check, [
  { name: 'CAs outlive the leaf', obs: healthyObservations(), status: 'pass', summary: /^first CA expiry 2032-05-15 \(CN=Example Issuing CA\), after the leaf's 2027-10-24$/ },
  {
    name: 'served intermediate expires first',
    obs: withData('certificate', { chain: [leaf, ca(100)], path: { ...path, anchor: root(5000) } }),
    status: 'warn',
    summary: /^CN=Example Issuing CA expires 2027-03-03, before the leaf \(2027-10-24\)$/,
  },
  {
    name: 'bundle root expires first',
    obs: withData('certificate', { chain: [leaf, ca(2000)], path: { ...path, anchor: root(200) } }),
    status: 'warn',
    summary: /^CN=Example Root CA expires/,
  },
  { name: 'served root is the anchor, counted once', obs: withData('certificate', { chain: [leaf, root(2000)], path: { ...path, anchor: root(2000) } }), status: 'pass', evidence: { cas: [{ subject: 'CN=Example Root CA' }] } },
  { name: 'self-signed leaf', obs: withData('certificate', { chain: [certInfo({ selfSigned: true })], path }), status: 'skip', summary: /self-signed/ },
  { name: 'no CA known', obs: withData('certificate', { chain: [leaf], path }), status: 'skip', summary: /no issuing CA/ },
  { name: 'empty chain', obs: withData('certificate', { chain: [] }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
