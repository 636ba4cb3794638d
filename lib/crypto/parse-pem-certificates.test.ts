import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { parsePemCertificates } from './parse-pem-certificates';

// Real certificates without key generation: the roots Node ships.
const roots = tls.rootCertificates.slice(0, 120);
const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;
const errorOf = (text: string, limits?: Parameters<typeof parsePemCertificates>[1]) => {
  const r = parsePemCertificates(text, limits);
  return r.ok ? null : r.error;
};
const pemOf = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

describe('parsePemCertificates', () => {
  it('reads a bundle, in order, each block a real X.509 certificate', () => {
    const r = parsePemCertificates(roots.slice(0, 3).join('\n'));
    expect(r.ok && r.certificates.map((c) => c.fingerprint256)).toEqual(roots.slice(0, 3).map(fingerprint));
  });

  it('takes CRLF line endings and whitespace around and between the blocks', () => {
    const crlf = roots.slice(0, 2).map((p) => p.replace(/\n/g, '\r\n'));
    const r = parsePemCertificates(`\r\n \t${crlf[0]}\r\n\r\n  ${crlf[1]}\t \r\n\n`);
    expect(r.ok && r.certificates.map((c) => c.fingerprint256)).toEqual(roots.slice(0, 2).map(fingerprint));
  });

  it('an empty or blank text holds no certificate', () => {
    expect(parsePemCertificates('')).toEqual({ ok: true, certificates: [] });
    expect(parsePemCertificates(' \n\r\n\t')).toEqual({ ok: true, certificates: [] });
  });

  it('refuses text before, between or after the blocks, naming its line and never quoting it', () => {
    expect(errorOf(`hello\n${roots[0]}`)).toBe('line 1 is not part of a certificate: only -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- blocks may be given');
    const lines = roots[0]!.trim().split('\n').length;
    expect(errorOf(`${roots[0]}\n# second\n${roots[1]}`)).toMatch(new RegExp(`^line ${lines + 1} is not part of a certificate`));
    expect(errorOf(`${roots[0]}\n\ntrailing words`)).toMatch(/^line \d+ is not part of a certificate/);
    expect(errorOf(`${roots[0]}\nsecret-looking-text`)).not.toContain('secret-looking-text');
  });

  it('refuses a block of another kind, by its label only', () => {
    const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const error = errorOf(`${roots[0]}${key}`);
    expect(error).toBe('block 2 is a PRIVATE KEY, not a CERTIFICATE');
    expect(errorOf('-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----')).toBe('block 1 is a X509 CRL, not a CERTIFICATE');
  });

  it('refuses a truncated block: no END line, or a BEGIN before it', () => {
    const cut = roots[1]!.slice(0, roots[1]!.indexOf('-----END'));
    expect(errorOf(`${roots[0]}${cut}`)).toBe('certificate 2 is truncated: no -----END CERTIFICATE----- line ends it');
    expect(errorOf(`${cut}${roots[0]}`)).toBe('certificate 1 is truncated: no -----END CERTIFICATE----- line ends it');
  });

  it('refuses a body cut short, base64 with stray characters, or base64 that is not a certificate', () => {
    const lines = roots[0]!.trim().split('\n');
    const short = [...lines.slice(0, 5), lines.at(-1)!].join('\n');
    expect(errorOf(short)).toMatch(/^certificate 1 is not (base64|a valid X\.509 certificate)/);
    expect(errorOf(roots[0]!.replace(/\n(.)/, '\n*$1'))).toBe('certificate 1 is not base64 between its BEGIN and END lines');
    expect(errorOf('-----BEGIN CERTIFICATE-----\nMII=B\n-----END CERTIFICATE-----')).toBe('certificate 1 is not base64 between its BEGIN and END lines');
    expect(errorOf('-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END CERTIFICATE-----')).toMatch(/is not base64/);
    expect(errorOf('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----')).toMatch(/is not base64/);
    expect(errorOf(`${roots[0]}-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----`)).toBe('certificate 2 is not a valid X.509 certificate');
  });

  it('refuses a DER with bytes after the certificate, and base64 that decodes to PEM text', () => {
    const der = new X509Certificate(roots[0]!).raw;
    expect(errorOf(pemOf(Buffer.concat([der, Buffer.from([0, 0, 0])])))).toBe('certificate 1 is not a valid X.509 certificate');
    expect(errorOf(pemOf(Buffer.from(roots[0]!)))).toBe('certificate 1 is not a valid X.509 certificate');
  });

  it('reads at most 100 certificates unless told otherwise', () => {
    const hundred = roots.slice(0, 100).join('');
    const r = parsePemCertificates(hundred, { maxChars: Infinity });
    expect(r.ok && r.certificates).toHaveLength(100);
    expect(errorOf(hundred + roots[100], { maxChars: Infinity })).toBe('holds more than 100 certificates');
    expect(errorOf(roots.slice(0, 3).join(''), { maxCertificates: 2 })).toBe('holds more than 2 certificates');
  });

  it('refuses a text over the size cap before reading it; whitespace around the bundle does not count', () => {
    expect(errorOf('x'.repeat(65_537))).toBe('is too large (65536 characters at most)');
    expect(errorOf(`${' '.repeat(70_000)}${roots[0]}${'\n'.repeat(70_000)}`)).toBeNull();
  });

  it("'skip' mode reads the certificates among comments and other blocks, as OpenSSL does", () => {
    const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const text = `# Mozilla roots\nBag Attributes\n${roots[0]}${key}== GlobalSign ==\n${roots[1]}trailer`;
    const r = parsePemCertificates(text, { textBetween: 'skip' });
    expect(r.ok && r.certificates.map((c) => c.fingerprint256)).toEqual(roots.slice(0, 2).map(fingerprint));
    expect(parsePemCertificates('no certificate here', { textBetween: 'skip' })).toEqual({ ok: true, certificates: [] });
    expect(errorOf(`${roots[0]}-----BEGIN CERTIFICATE-----\nAAAA`, { textBetween: 'skip' })).toMatch(/^certificate 2 is truncated/);
  });
});
