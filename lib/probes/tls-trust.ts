import { createHash, X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls, { type TLSSocket } from 'node:tls';

/** What a server must prove before a credential is sent to it. */
export interface TlsTrust {
  /** PEM anchors; the system roots when null */
  caPem: string | null;
  /** the name (or IP) the leaf must be issued for */
  serverName: string;
  /** an admin-pinned leaf key: base64 SHA-256 of its SubjectPublicKeyInfo */
  pinSha256: string | null;
}

export type TrustVerdict =
  | { verified: true; method: 'ca' | 'system' | 'pin' }
  | { verified: false; reason: string; spkiSha256: string | null };

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo: what `openssl … | openssl dgst -sha256 -binary | base64` prints. */
export function spkiSha256(der: Buffer): string {
  const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * Options for tls.connect that let OpenSSL verify the chain against the target's anchors and the leaf against the
 * expected name, without refusing the handshake: observation still sees bad certificates, judgeTlsTrust decides.
 */
export function trustConnectOptions(trust: TlsTrust): tls.ConnectionOptions {
  return {
    servername: net.isIP(trust.serverName) ? undefined : trust.serverName,
    ...(trust.caPem ? { ca: trust.caPem } : {}),
    rejectUnauthorized: false,
    checkServerIdentity: (_host, cert) => tls.checkServerIdentity(trust.serverName, cert),
  };
}

const reasons: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed certificate that is not a trusted anchor',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not among the trusted anchors',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is not among the trusted anchors',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it is not issued for the expected name',
  CA_MD_TOO_WEAK: 'it is signed with a digest OpenSSL refuses (MD5 or SHA-1)',
  EE_KEY_TOO_SMALL: 'its key is too small for OpenSSL to accept',
  UNSPECIFIED: 'OpenSSL refused the chain (a SHA-1 or MD5 signature, or a key too small for its security level)',
};

/** Whether the handshake on `socket` proved the server: the pin matches, or the chain and name verified. */
export function judgeTlsTrust(socket: TLSSocket, trust: TlsTrust): TrustVerdict {
  const raw = socket.getPeerCertificate()?.raw;
  const pin = raw ? spkiSha256(raw) : null;
  if (trust.pinSha256 && pin === trust.pinSha256) return { verified: true, method: 'pin' };
  if (socket.authorized) return { verified: true, method: trust.caPem ? 'ca' : 'system' };
  const code = String(socket.authorizationError ?? 'no certificate');
  const why = reasons[code] ?? code;
  const anchors = trust.caPem ? "the target's CA bundle" : 'the system roots';
  const pinNote = trust.pinSha256 ? '; it does not match the pinned key either' : '';
  return { verified: false, reason: `the server's certificate is not verified against ${anchors} for ${trust.serverName}: ${why}${pinNote}`, spkiSha256: pin };
}
