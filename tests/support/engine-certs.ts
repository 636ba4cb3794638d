import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { createTestCa, issueServerCert, selfSignedServerCert, type PemPair } from '../../scripts/lab/lab-certificates';

export interface EngineCerts {
  ca: PemPair;
  /** for 127.0.0.1 and localhost, issued by `ca`, with both serverAuth and clientAuth (etcd peers use one cert) */
  server: PemPair;
  /** a client certificate issued by `ca` (CN posture-probe) */
  client: PemPair;
  /** self-signed, for another host name: untrusted and mismatched */
  stranger: PemPair;
}

/** A client certificate (extKeyUsage clientAuth) signed by the CA; Go servers such as etcd insist on the usage. */
export function issueClientCert(ca: PemPair, commonName: string): PemPair {
  const keyPem = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
  const key = forge.pki.privateKeyFromPem(keyPem);
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 2 * 86_400_000);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

/** Re-signs a server certificate so it may also serve as a client certificate (etcd checks the usage on both). */
function withClientUsage(ca: PemPair, pair: PemPair): PemPair {
  const cert = forge.pki.certificateFromPem(pair.certPem);
  const exts = cert.extensions.filter((e: { name: string }) => e.name !== 'extKeyUsage');
  cert.setExtensions([...exts, { name: 'extKeyUsage', serverAuth: true, clientAuth: true }]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: pair.keyPem };
}

/** Certificates for one engine test file, made in the test (no openssl binary). */
export function createEngineCerts(): EngineCerts {
  const ca = createTestCa({ commonName: 'Posture engine test CA', days: 400 });
  const server = withClientUsage(ca, issueServerCert(ca, { commonName: 'localhost', altNames: ['127.0.0.1', 'localhost'], notAfter: new Date(Date.now() + 90 * 86_400_000) }));
  const stranger = selfSignedServerCert({ commonName: 'elsewhere.example', altNames: ['elsewhere.example'], notAfter: new Date(Date.now() + 90 * 86_400_000) });
  return { ca, server, client: issueClientCert(ca, 'posture-probe'), stranger };
}
