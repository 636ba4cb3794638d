import { createTestCa, issueServerCert } from '../../scripts/lab/lab-certificates';

/** A server certificate for 127.0.0.1 and localhost from a fresh test CA (no openssl binary needed). */
export function createTestTlsCert(): { certPem: string; keyPem: string; caPem: string } {
  const ca = createTestCa({ commonName: 'Posture test CA', days: 2 });
  const server = issueServerCert(ca, { commonName: 'fake-kube-api', altNames: ['127.0.0.1', 'localhost'], notAfter: new Date(Date.now() + 2 * 86_400_000) });
  return { ...server, caPem: ca.certPem };
}
