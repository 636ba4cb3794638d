import type { CertificateInfo } from '../../probes/observations/certificate';

const curveBits: Record<string, number> = {
  prime192v1: 192, secp192r1: 192, 'p-192': 192,
  secp224r1: 224, 'p-224': 224,
  prime256v1: 256, secp256r1: 256, secp256k1: 256, 'p-256': 256, brainpoolp256r1: 256,
  secp384r1: 384, 'p-384': 384, brainpoolp384r1: 384,
  secp521r1: 521, 'p-521': 521, brainpoolp512r1: 512,
};

export interface KeyVerdict {
  status: 'ok' | 'weak' | 'unknown';
  reason: string;
}

/** Judges one certificate's public key: RSA ≥ 2048 bits, EC ≥ 256 bits, Ed25519/Ed448 always strong. */
export function judgeCertKey(cert: Pick<CertificateInfo, 'keyType' | 'keyBits' | 'curve'>): KeyVerdict {
  const type = cert.keyType.toLowerCase();
  if (type === 'ed25519' || type === 'ed448') return { status: 'ok', reason: '' };
  if (type === 'rsa' || type === 'rsa-pss' || type === 'dsa') {
    const label = type === 'dsa' ? 'DSA' : 'RSA';
    if (cert.keyBits === null) return { status: 'unknown', reason: `${label} key size unknown` };
    return cert.keyBits >= 2048 ? { status: 'ok', reason: '' } : { status: 'weak', reason: `${label} ${cert.keyBits} bits < 2048` };
  }
  if (type === 'ec' || type === 'ecdsa') {
    const bits = cert.keyBits ?? (cert.curve ? curveBits[cert.curve.toLowerCase()] : undefined) ?? null;
    if (bits === null) return { status: 'unknown', reason: `EC curve ${cert.curve ?? 'unknown'} of unknown size` };
    return bits >= 256 ? { status: 'ok', reason: '' } : { status: 'weak', reason: `EC ${bits} bits${cert.curve ? ` (${cert.curve})` : ''} < 256` };
  }
  return { status: 'unknown', reason: `key type ${cert.keyType} not recognised` };
}
