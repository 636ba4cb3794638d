import { pgTlsMinVersionCheck as check } from './check-pg-tls-min-version';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const noSession = { ...withData('pgTls', { legacyTls: { TLSv1: 'accepted', 'TLSv1.1': 'refused' } }), pgSession: skipped('no credential') };

describeVerdicts(check, [
  {
    name: 'both legacy versions refused',
    obs: healthyObservations(),
    status: 'pass',
    summary: /TLSv1 and TLSv1\.1 refused; negotiated TLSv1\.3/,
    evidence: { negotiatedProtocol: 'TLSv1.3', TLSv1: 'refused', 'TLSv1.1': 'refused', sslMinProtocolVersion: 'TLSv1.2' },
  },
  { name: 'TLSv1.1 accepted', obs: withData('pgTls', { legacyTls: { TLSv1: 'refused', 'TLSv1.1': 'accepted' } }), status: 'fail', summary: /^server accepts TLSv1\.1 \(ssl_min_protocol_version = TLSv1\.2\)$/ },
  { name: 'both accepted', obs: withData('pgTls', { legacyTls: { TLSv1: 'accepted', 'TLSv1.1': 'accepted' } }), status: 'fail', summary: /accepts TLSv1 and TLSv1\.1/ },
  { name: 'accepted, session not available', obs: noSession, status: 'fail', summary: /^server accepts TLSv1$/, evidence: { sslMinProtocolVersion: null } },
  { name: 'TLS not offered', obs: withData('pgTls', { sslResponse: 'N', handshake: null }), status: 'skip', summary: /TLS is not offered/ },
  { name: 'offered but no handshake works', obs: withData('pgTls', { handshake: null, handshakeError: 'bad cert' }), status: 'error' },
  {
    name: 'modern handshake failed but TLSv1 works',
    obs: withData('pgTls', { handshake: null, legacyTls: { TLSv1: 'accepted', 'TLSv1.1': 'accepted' } }),
    status: 'fail',
    evidence: { negotiatedProtocol: null },
  },
  { name: 'probe skipped', obs: withOutcome('pgTls', skipped('unreachable')), status: 'skip', summary: /unreachable/ },
  { name: 'probe error', obs: withOutcome('pgTls', failed('reset')), status: 'error' },
]);
