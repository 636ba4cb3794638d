import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring } from './keyring';
import { openSecret, rewrapSecret, sealSecret } from './envelope';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

describe('credential envelope', () => {
  it('round-trips and carries the key id', () => {
    const ring = createKeyring(k1);
    const sealed = sealSecret(ring, 'canary-Sup3r-s3cret');
    expect(sealed.keyId).toBe(ring.current.id);
    expect(sealed.ciphertext).not.toContain('canary');
    expect(sealed.ciphertext.split('.')[1]).toBe(ring.current.id);
    expect(openSecret(ring, sealed.ciphertext)).toBe('canary-Sup3r-s3cret');
  });

  it('uses a fresh data key and IV every time', () => {
    const ring = createKeyring(k1);
    expect(sealSecret(ring, 'same').ciphertext).not.toBe(sealSecret(ring, 'same').ciphertext);
  });

  it.each([1, 2, 3, 4, 5])('detects a flipped byte in part %i', (part) => {
    const ring = createKeyring(k1);
    const parts = sealSecret(ring, 'tamper-me').ciphertext.split('.');
    if (part === 1) parts[1] = parts[1]!.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    else {
      const buf = Buffer.from(parts[part]!, 'base64url');
      buf[buf.length - 1]! ^= 0x01;
      parts[part] = buf.toString('base64url');
    }
    expect(() => openSecret(ring, parts.join('.'))).toThrow();
  });

  it('refuses a ciphertext under an unknown master key', () => {
    const sealed = sealSecret(createKeyring(k1), 'x');
    expect(() => openSecret(createKeyring(k2), sealed.ciphertext)).toThrow(/no master key/);
  });

  it('re-wraps under a new master key while the old one is listed as previous', () => {
    const old = createKeyring(k1);
    const sealed = sealSecret(old, 'rotate-me');
    const rotating = createKeyring(k2, [k1]);
    expect(openSecret(rotating, sealed.ciphertext)).toBe('rotate-me');
    const rewrapped = rewrapSecret(rotating, sealed.ciphertext);
    expect(rewrapped.keyId).toBe(rotating.current.id);
    expect(openSecret(createKeyring(k2), rewrapped.ciphertext)).toBe('rotate-me');
  });

  it('rejects a master key of the wrong length', () => {
    expect(() => createKeyring(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
