import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import type { CertificateInfo, CertificateObservation, CertificatePath } from './observations/certificate';
import type { ProbeOutcome } from './observations/probe-outcome';
import { certificateSignatureAlgorithm } from './certificate-signature-algorithm';
import { spkiSha256 } from './tls-trust';
import { parsePemCertificates } from '../crypto/parse-pem-certificates';

export interface CertificateProbeInput {
  host: string;
  chainPem: string[];
  /** PEM bundle to trust; the system roots when absent */
  caPem?: string | null;
  now?: Date;
}

const curveBits: Record<string, number> = { prime256v1: 256, secp256r1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256 };

// `posture scan --ca-file` may name a system bundle: ~150 certificates, comments between them.
const caFileLimits = { maxCertificates: 1_000, maxChars: 4 << 20, textBetween: 'skip' } as const;

const issued = (issuer: X509Certificate, c: X509Certificate) => c.checkIssued(issuer) && c.verify(issuer.publicKey);
// OpenSSL's issuer check also wants keyCertSign, which a self-signed leaf lacks: names and signature decide here.
const isSelfSigned = (c: X509Certificate) => c.subject === c.issuer && c.verify(c.publicKey);
const flat = (name: string) => name.replace(/\n/g, ', ');

function describe(c: X509Certificate): CertificateInfo {
  const details = c.publicKey.asymmetricKeyDetails ?? {};
  const keyType = c.publicKey.asymmetricKeyType ?? 'unknown';
  const keyBits = details.modulusLength ?? (details.namedCurve ? (curveBits[details.namedCurve] ?? null) : keyType === 'ed25519' ? 256 : keyType === 'ed448' ? 456 : null);
  return {
    subject: c.subject.replace(/\n/g, ', '),
    issuer: c.issuer.replace(/\n/g, ', '),
    serialNumber: c.serialNumber,
    notBefore: new Date(c.validFrom).toISOString(),
    notAfter: new Date(c.validTo).toISOString(),
    keyType,
    keyBits,
    curve: details.namedCurve ?? null,
    signatureAlgorithm: certificateSignatureAlgorithm(c.raw),
    fingerprint256: c.fingerprint256,
    spkiSha256: spkiSha256(c.raw),
    subjectAltNames: (c.subjectAltName ?? '').split(', ').filter(Boolean),
    selfSigned: isSelfSigned(c),
    extKeyUsage: c.keyUsage ?? null,
    isCa: c.ca,
  };
}

/** Follows issuer links from the leaf through the served list, then into the bundle, as a path-building client would. */
function tracePath(chain: X509Certificate[], anchors: X509Certificate[]): CertificatePath {
  const path = [chain[0]!];
  let anchor: X509Certificate | null = null;
  let missingIssuer: CertificatePath['missingIssuer'] = null;
  for (let current = chain[0]!; path.length <= 10; ) {
    if (isSelfSigned(current)) {
      anchor = anchors.some((a) => a.fingerprint256 === current.fingerprint256) || path.length > 1 ? current : null;
      break;
    }
    const served = chain.find((c) => !path.includes(c) && issued(c, current));
    if (served) {
      path.push(served);
      current = served;
      continue;
    }
    const inBundle = anchors.find((a) => issued(a, current));
    // An intermediate in the bundle whose own issuer is there too is one the server should have sent; alone, it is pinned.
    if (inBundle && !isSelfSigned(inBundle) && anchors.some((a) => a !== inBundle && issued(a, inBundle))) missingIssuer = { subject: flat(inBundle.subject), inBundle: true };
    else if (!inBundle) missingIssuer = { subject: flat(current.issuer), inBundle: false };
    anchor = inBundle ?? null;
    break;
  }
  return {
    ordered: path.every((c, i) => chain[i] === c),
    unrelated: chain.filter((c) => !path.includes(c)).map((c) => flat(c.subject)),
    missingIssuer,
    anchor: anchor ? describe(anchor) : null,
  };
}

/** Walks issuer links through the served chain to an anchor in the bundle; validity dates are judged elsewhere. */
function verifyChain(chain: X509Certificate[], anchors: X509Certificate[]): { trusted: boolean; error: string | null } {
  let current = chain[0]!;
  for (let depth = 0; depth < 10; depth++) {
    if (anchors.some((a) => a.fingerprint256 === current.fingerprint256 || issued(a, current))) return { trusted: true, error: null };
    if (isSelfSigned(current)) return { trusted: false, error: `self-signed certificate (${current.subject.replace(/\n/g, ', ')}) is not in the trusted CA bundle` };
    const next = chain.find((c) => c !== current && issued(c, current));
    if (!next) return { trusted: false, error: `unable to find the issuer of ${current.subject.replace(/\n/g, ', ')} (${current.issuer.replace(/\n/g, ', ')})` };
    current = next;
  }
  return { trusted: false, error: 'certificate chain too long' };
}

/** Evaluates a served chain offline: expiry, key, signature, hostname and trust. No network. */
export function probeCertificate(input: CertificateProbeInput): ProbeOutcome<CertificateObservation> {
  if (input.chainPem.length === 0) return { status: 'skipped', reason: 'no certificate was served (TLS is not offered)' };
  const ca = input.caPem ? parsePemCertificates(input.caPem, caFileLimits) : null;
  if (ca && !ca.ok) return { status: 'error', message: `the configured CA bundle is unusable (${ca.error})` };
  try {
    const chain = input.chainPem.map((p) => new X509Certificate(p));
    const infos = chain.map(describe);
    const earliest = infos.reduce((a, b) => (Date.parse(b.notAfter) < Date.parse(a.notAfter) ? b : a));
    const now = input.now ?? new Date();
    const leaf = chain[0]!;
    const hostnameMatches = net.isIP(input.host) ? leaf.checkIP(input.host) !== undefined : leaf.checkHost(input.host) !== undefined;
    const anchors = ca ? ca.certificates : tls.rootCertificates.map((p) => new X509Certificate(p));
    const trust = verifyChain(chain, anchors);
    return {
      status: 'ok',
      data: {
        host: input.host,
        chain: infos,
        earliestNotAfter: earliest.notAfter,
        earliestSubject: earliest.subject,
        daysLeft: Math.floor((Date.parse(earliest.notAfter) - now.getTime()) / 86_400_000),
        hostnameMatches,
        trusted: trust.trusted,
        trustError: trust.error,
        caSource: ca ? 'configured' : 'system',
        path: tracePath(chain, anchors),
      },
    };
  } catch (e) {
    return { status: 'error', message: `could not read the served certificate: ${e instanceof Error ? e.message : String(e)}` };
  }
}
