import { X509Certificate } from 'node:crypto';

export interface PemCertificateLimits {
  /** certificate blocks at most */
  maxCertificates: number;
  /** characters at most, not counting whitespace around the bundle */
  maxChars: number;
  /** 'refuse': only certificate blocks and whitespace; 'skip': ignore text and other blocks between them, as OpenSSL does */
  textBetween: 'refuse' | 'skip';
}

export type PemCertificates = { ok: true; certificates: X509Certificate[] } | { ok: false; error: string };

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';
const defaults: PemCertificateLimits = { maxCertificates: 100, maxChars: 65_536, textBetween: 'refuse' };

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isBase64 = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;

/**
 * Splits a PEM bundle into X.509 certificates with plain index scans (linear time, no regular expression) and parses
 * each block with OpenSSL. Errors name the block: "certificate 3 is not a valid X.509 certificate".
 */
export function parsePemCertificates(text: string, limits: Partial<PemCertificateLimits> = {}): PemCertificates {
  const { maxCertificates, maxChars, textBetween } = { ...defaults, ...limits };
  let i = 0;
  let stop = text.length;
  while (i < stop && isSpace(text.charCodeAt(i))) i++;
  while (stop > i && isSpace(text.charCodeAt(stop - 1))) stop--;
  if (stop - i > maxChars) return { ok: false, error: `is too large (${maxChars} characters at most)` };
  const certificates: X509Certificate[] = [];
  while (i < stop) {
    const at = textBetween === 'skip' ? text.indexOf(BEGIN, i) : i;
    if (at === -1 || at >= stop) break;
    const n = certificates.length + 1;
    if (!text.startsWith(BEGIN, at)) return { ok: false, error: stray(text, at, n) };
    if (n > maxCertificates) return { ok: false, error: `holds more than ${maxCertificates} certificates` };
    const body = at + BEGIN.length;
    const close = text.indexOf('-----', body);
    if (close === -1 || close >= stop || !text.startsWith(END, close)) return { ok: false, error: `certificate ${n} is truncated: no ${END} line ends it` };
    const der = decodeBase64(text, body, close);
    if (!der) return { ok: false, error: `certificate ${n} is not base64 between its BEGIN and END lines` };
    const cert = parseDer(der);
    if (!cert) return { ok: false, error: `certificate ${n} is not a valid X.509 certificate` };
    certificates.push(cert);
    i = close + END.length;
    while (i < stop && isSpace(text.charCodeAt(i))) i++;
  }
  return { ok: true, certificates };
}

/** What stands where block n should begin: another kind of PEM block, or loose text (by line, never quoted). */
function stray(text: string, at: number, n: number): string {
  const end = text.startsWith('-----BEGIN ', at) ? text.indexOf('-----', at + 11) : -1;
  const label = end > at + 11 && end - at <= 51 ? text.slice(at + 11, end) : '';
  if (/^[A-Z0-9 ]+$/.test(label)) return `block ${n} is a ${label}, not a CERTIFICATE`;
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < at; k = text.indexOf('\n', k + 1)) line++;
  return `line ${line} is not part of a certificate: only ${BEGIN} … ${END} blocks may be given`;
}

/** Strict base64 (whitespace allowed, '=' only at the end); Buffer.from alone would skip any stray character. */
function decodeBase64(text: string, from: number, to: number): Buffer | null {
  let compact = '';
  let padding = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (isSpace(c)) continue;
    if (c === 0x3d) padding++;
    else if (padding > 0 || !isBase64(c)) return null;
    compact += text[k];
  }
  if (compact.length === 0 || compact.length % 4 !== 0 || padding > 2) return null;
  return Buffer.from(compact, 'base64');
}

/** The whole DER must be one certificate: OpenSSL ignores trailing bytes, and would read decoded bytes that spell PEM as PEM. */
function parseDer(der: Buffer): X509Certificate | null {
  try {
    const cert = new X509Certificate(der);
    return cert.raw.length === der.length ? cert : null;
  } catch {
    return null;
  }
}
