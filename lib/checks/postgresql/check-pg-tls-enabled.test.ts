import { describe, expect, it } from 'vitest';
import { checksFor } from '../../engines/engine-registry';
import { pgTlsEnabledCheck as check } from './check-pg-tls-enabled';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'S and handshake', obs: healthyObservations(), status: 'pass', summary: /negotiated TLSv1\.3 with TLS_AES_256_GCM_SHA384/, evidence: { protocol: 'TLSv1.3' } },
  { name: 'N (ssl = off)', obs: withData('pgTls', { sslResponse: 'N', handshake: null }), status: 'fail', summary: /ssl = off/ },
  {
    name: 'S but handshake failed',
    obs: withData('pgTls', { handshake: null, handshakeError: 'no shared cipher' }),
    status: 'fail',
    summary: /handshake failed: no shared cipher/,
    evidence: { handshakeError: 'no shared cipher' },
  },
  { name: 'ErrorResponse to SSLRequest', obs: withData('pgTls', { sslResponse: 'error-response', handshake: null }), status: 'fail', summary: /does not support TLS/ },
  { name: 'connection closed', obs: withData('pgTls', { sslResponse: 'closed', handshake: null }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('pgTls', skipped('target unreachable')), status: 'skip', summary: /target unreachable/ },
  { name: 'probe error', obs: withOutcome('pgTls', failed('timeout after 20 s')), status: 'error', summary: /timeout after 20 s/ },
]);

describe('pg.tls.enabled applicability', () => {
  it('applies to postgresql only', () => {
    expect(checksFor('postgresql').includes(check)).toBe(true);
    expect(checksFor('redis').includes(check)).toBe(false);
  });
});
