import { certTrustedCheck as check } from './check-cert-trusted';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'verifies against configured CA', obs: healthyObservations(), status: 'pass', summary: /configured CA bundle/ },
  {
    name: 'self-signed, system store',
    obs: withData('certificate', { trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', caSource: 'system' }),
    status: 'fail',
    summary: /^chain does not verify against the system CA store: DEPTH_ZERO_SELF_SIGNED_CERT$/,
    evidence: { trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', caSource: 'system' },
  },
  { name: 'missing intermediate', obs: withData('certificate', { trusted: false, trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }), status: 'fail', summary: /configured CA bundle: UNABLE_TO_GET_ISSUER/ },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
