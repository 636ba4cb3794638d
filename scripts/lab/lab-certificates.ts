import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export interface PemPair {
  certPem: string;
  keyPem: string;
}

export interface CaOptions {
  commonName: string;
  keyBits?: number;
  days?: number;
  /** overrides `days` */
  notAfter?: Date;
}

export interface ServerCertOptions {
  commonName: string;
  /** DNS names and IP addresses, told apart by their form; null leaves the SAN out (a CN-only certificate) */
  altNames?: string[] | null;
  /** the extended key usage; 'none' leaves the extension out */
  extKeyUsage?: 'serverAuth' | 'clientAuth' | 'none';
  keyBits?: number;
  notBefore?: Date;
  notAfter?: Date;
  signatureHash?: 'sha256' | 'sha1';
  /** reuse this PKCS#1 RSA key instead of generating one (keyBits is then ignored) */
  keyPem?: string;
}

const DAY_MS = 86_400_000;

/** RSA keys come from Node's native crypto: forge's pure-JS generation takes seconds per key. */
function rsaKeyPair(bits: number, existingPem?: string) {
  const privateKey =
    existingPem ??
    generateKeyPairSync('rsa', {
      modulusLength: bits,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    }).privateKey;
  const key = forge.pki.privateKeyFromPem(privateKey);
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), keyPem: privateKey };
}

function serialNumber(): string {
  // a positive DER integer: clear the top bit
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function digest(hash: 'sha256' | 'sha1') {
  return hash === 'sha1' ? forge.md.sha1.create() : forge.md.sha256.create();
}

function altNameEntries(names: string[]) {
  return names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name }));
}

function buildCert(publicKey: forge.pki.PublicKey, subjectCn: string, notBefore: Date, notAfter: Date) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject([{ name: 'commonName', value: subjectCn }, { name: 'organizationName', value: 'Posture Lab' }]);
  return cert;
}

function caCert({ commonName, keyBits = 2048, days = 3650, notAfter }: CaOptions, issuer: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } | null): PemPair {
  const keys = rsaKeyPair(keyBits);
  const notBefore = new Date(Date.now() - DAY_MS);
  const cert = buildCert(keys.publicKey, commonName, notBefore, notAfter ?? new Date(notBefore.getTime() + days * DAY_MS));
  cert.setIssuer((issuer?.cert ?? cert).subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(issuer?.key ?? keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}

const signer = (ca: PemPair) => ({ cert: forge.pki.certificateFromPem(ca.certPem), key: forge.pki.privateKeyFromPem(ca.keyPem) });

/** A CA for the lab fleet, valid from yesterday for `days` days (default 10 years). */
export function createTestCa(opts: CaOptions): PemPair {
  return caCert(opts, null);
}

/** An intermediate CA signed by `root` (from createTestCa), for chains of more than one link. */
export function createIntermediateCa(root: PemPair, opts: CaOptions): PemPair {
  return caCert(opts, signer(root));
}

function serverCert(opts: ServerCertOptions, issuer: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } | null): PemPair {
  const keys = rsaKeyPair(opts.keyBits ?? 2048, opts.keyPem);
  const notBefore = opts.notBefore ?? new Date(Date.now() - DAY_MS);
  const notAfter = opts.notAfter ?? new Date(notBefore.getTime() + 366 * DAY_MS);
  const cert = buildCert(keys.publicKey, opts.commonName, notBefore, notAfter);
  cert.setIssuer((issuer?.cert ?? cert).subject.attributes);
  const eku = opts.extKeyUsage ?? 'serverAuth';
  const sans = opts.altNames === undefined ? [opts.commonName] : opts.altNames;
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    ...(eku === 'none' ? [] : [{ name: 'extKeyUsage', [eku]: true }]),
    ...(sans === null ? [] : [{ name: 'subjectAltName', altNames: altNameEntries(sans) }]),
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(issuer?.key ?? keys.privateKey, digest(opts.signatureHash ?? 'sha256'));
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}

/** A TLS server certificate signed by `ca` (from createTestCa). */
export function issueServerCert(ca: PemPair, opts: ServerCertOptions): PemPair {
  return serverCert(opts, signer(ca));
}

/** A TLS server certificate signed by its own key, trusted by nobody. */
export function selfSignedServerCert(opts: ServerCertOptions): PemPair {
  return serverCert(opts, null);
}
