import { describe, expect, it } from 'vitest';
import { checksFor } from '../../engines/engine-registry';
import { certMatchesSecretCheck as check } from './check-cert-matches-secret';
import { daysFromNow, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const rotated = withData('k8sTlsSecret', { fingerprint256: 'CC:DD', serialNumber: '02', notAfter: daysFromNow(700) });
const older = withData('k8sTlsSecret', { fingerprint256: 'CC:DD', serialNumber: '00', notAfter: daysFromNow(10) });

describeVerdicts(check, [
  { name: 'same leaf', obs: healthyObservations(), status: 'pass', summary: /^serves the certificate in db\/postgres-tls \(serial 01, notAfter / },
  { name: 'Secret rotated, server not reloaded', obs: rotated, status: 'fail', summary: /^the Secret was rotated but the server has not reloaded: serves serial 01 .* db\/postgres-tls holds serial 02/, evidence: { served: { fingerprint256: 'AA:BB' }, secret: { fingerprint256: 'CC:DD' } } },
  { name: 'Secret older than what is served', obs: older, status: 'fail', summary: /^the server does not serve what the Secret holds/ },
  { name: 'no TLS Secret known', obs: withOutcome('k8sTlsSecret', skipped('the Kubernetes refs name no TLS Secret and the pods mount none')), status: 'skip' },
  { name: 'server offers no TLS', obs: withOutcome('certificate', skipped('no certificate was served (TLS is not offered)')), status: 'skip' },
  { name: 'Secret unreadable', obs: withOutcome('k8sTlsSecret', failed('Secret db/postgres-tls: Kubernetes API answered 403 Forbidden')), status: 'error', summary: /403/ },
  { name: 'target down', obs: withOutcome('certificate', failed('target unreachable (refused)')), status: 'error' },
]);

describe('cert.matches_secret applicability', () => {
  it('applies to PostgreSQL only, where the served chain is read', () => {
    expect(checksFor('postgresql').includes(check)).toBe(true);
    expect(checksFor('redis').includes(check)).toBe(false);
  });
});
