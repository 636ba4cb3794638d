import { certChainCompleteCheck as check } from './check-cert-chain-complete';
import { certInfo, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const leaf = certInfo();
const path = { ordered: true, unrelated: [], missingIssuer: null, anchor: null };

describeVerdicts(check, [
  { name: 'complete to the root', obs: healthyObservations(), status: 'pass', summary: /^path complete to CN=Example Root CA$/ },
  {
    name: 'intermediate held only by the bundle',
    obs: withData('certificate', { chain: [leaf], path: { ...path, missingIssuer: { subject: 'CN=Example Issuing CA', inBundle: true } } }),
    status: 'fail',
    summary: /^intermediate CN=Example Issuing CA not served; only clients that hold it/,
    evidence: { missingIssuer: { subject: 'CN=Example Issuing CA', inBundle: true } },
  },
  {
    name: 'issuer nowhere',
    obs: withData('certificate', { chain: [leaf], caSource: 'system', path: { ...path, missingIssuer: { subject: 'CN=Example Issuing CA', inBundle: false } } }),
    status: 'fail',
    summary: /^issuer CN=Example Issuing CA neither served nor in the system CA store$/,
  },
  { name: 'self-signed leaf', obs: withData('certificate', { chain: [certInfo({ selfSigned: true, issuer: 'CN=db.example.com' })], path }), status: 'pass', summary: /self-signed/ },
  { name: 'empty chain', obs: withData('certificate', { chain: [] }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
