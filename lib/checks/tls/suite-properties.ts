import type { CipherSuite } from '../../probes/tls-scan/cipher-suite';
import { cipherSuiteTable } from '../../probes/tls-scan/cipher-suite-table';

const byName = new Map(cipherSuiteTable.map((s) => [s.name, s]));

/** The suite table's row for an OpenSSL name the enumeration reported; undefined for an unknown code point. */
export const suiteNamed = (name: string): CipherSuite | undefined => byName.get(name);

/** Ephemeral (EC)DH key exchange: a stolen server key does not decrypt recorded sessions. TLS 1.3 suites say `any`. */
export function hasForwardSecrecy(s: CipherSuite): boolean {
  return s.kx === 'any' || s.kx.startsWith('ECDH') || s.kx.startsWith('DH');
}

/** Why a suite is broken, or null: no encryption, no authentication, export-grade, or a broken cipher or MAC. */
export function brokenBecause(s: CipherSuite): string | null {
  if (s.enc === 'None') return 'NULL encryption';
  if (s.au === 'None') return 'anonymous (no authentication)';
  if (/EXP/i.test(s.name) || /\((40|56|512)\)/.test(s.enc + s.kx)) return 'EXPORT-grade';
  if (s.enc.startsWith('RC4')) return 'RC4';
  if (s.enc.startsWith('RC2')) return 'RC2';
  if (s.enc.startsWith('3DES')) return '3DES (Sweet32)';
  if (s.enc.startsWith('DES')) return 'DES';
  if (s.mac === 'MD5') return 'MD5 MAC';
  return null;
}

/** A CBC suite with an HMAC-SHA1 record MAC: not broken, but the legacy construction Mozilla dropped from TLS 1.2. */
export function isCbcSha1(s: CipherSuite): boolean {
  return s.mac === 'SHA1' && s.enc !== 'None' && !s.enc.startsWith('RC4');
}
