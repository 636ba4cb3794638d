import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring, type Keyring } from './keyring';
import { bindLegacySecret, isLegacyCiphertext, openSecret, rewrapSecret, sealSecret, type SecretBinding } from './envelope';
import { changedEndpointFields, credentialBinding } from './credential-binding';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const row: SecretBinding = { kind: 'target-credential', rowId: '7d7c1f1e-0000-4000-8000-000000000001', field: 'password', context: 'db.internal:5432' };

/** What the first release wrote: the data key's AAD a constant, bound to nothing. */
function legacySeal(ring: Keyring, plain: string): string {
  const gcm = (key: Buffer, data: Buffer, aad: Buffer) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(aad);
    return [iv, Buffer.concat([c.update(data), c.final(), c.getAuthTag()])];
  };
  const dataKey = randomBytes(32);
  const [div, dbody] = gcm(dataKey, Buffer.from(plain), Buffer.from('posture:credential:v1'));
  const [wiv, wbody] = gcm(ring.current.key, dataKey, Buffer.from(ring.current.id));
  return ['v1', ring.current.id, wiv, wbody, div, dbody].map((p) => (typeof p === 'string' ? p : p!.toString('base64url'))).join('.');
}

describe('credential envelope', () => {
  it('round-trips under its binding and carries the key id', () => {
    const ring = createKeyring(k1);
    const sealed = sealSecret(ring, 'canary-Sup3r-s3cret', row);
    expect(sealed.keyId).toBe(ring.current.id);
    expect(sealed.ciphertext).not.toContain('canary');
    expect(sealed.ciphertext.split('.')[0]).toBe('v2');
    expect(sealed.ciphertext.split('.')[1]).toBe(ring.current.id);
    expect(openSecret(ring, sealed.ciphertext, row)).toBe('canary-Sup3r-s3cret');
  });

  it.each([
    ['another row', { ...row, rowId: '7d7c1f1e-0000-4000-8000-000000000002' }],
    ['another field', { ...row, field: 'routingKey' }],
    ['another kind', { ...row, kind: 'notification-channel' }],
    ['another endpoint', { ...row, context: 'attacker.example:5432' }],
  ])('does not open when copied to %s', (_what, other) => {
    const ring = createKeyring(k1);
    const sealed = sealSecret(ring, 'bound', row);
    expect(() => openSecret(ring, sealed.ciphertext, other)).toThrow(/not bound to this row and endpoint/);
  });

  it('uses a fresh data key and IV every time', () => {
    const ring = createKeyring(k1);
    expect(sealSecret(ring, 'same', row).ciphertext).not.toBe(sealSecret(ring, 'same', row).ciphertext);
  });

  it.each([1, 2, 3, 4, 5])('detects a flipped byte in part %i', (part) => {
    const ring = createKeyring(k1);
    const parts = sealSecret(ring, 'tamper-me', row).ciphertext.split('.');
    if (part === 1) parts[1] = parts[1]!.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
    else {
      const buf = Buffer.from(parts[part]!, 'base64url');
      buf[buf.length - 1]! ^= 0x01;
      parts[part] = buf.toString('base64url');
    }
    expect(() => openSecret(ring, parts.join('.'), row)).toThrow();
  });

  it('refuses a ciphertext under an unknown master key', () => {
    const sealed = sealSecret(createKeyring(k1), 'x', row);
    expect(() => openSecret(createKeyring(k2), sealed.ciphertext, row)).toThrow(/no master key/);
  });

  it('re-wraps under a new master key and keeps the binding', () => {
    const old = createKeyring(k1);
    const sealed = sealSecret(old, 'rotate-me', row);
    const rotating = createKeyring(k2, [k1]);
    expect(openSecret(rotating, sealed.ciphertext, row)).toBe('rotate-me');
    const rewrapped = rewrapSecret(rotating, sealed.ciphertext);
    expect(rewrapped.keyId).toBe(rotating.current.id);
    expect(openSecret(createKeyring(k2), rewrapped.ciphertext, row)).toBe('rotate-me');
    expect(() => openSecret(createKeyring(k2), rewrapped.ciphertext, { ...row, rowId: 'other' })).toThrow();
  });

  it('opens a legacy (unbound) ciphertext only through bindLegacySecret, which binds it', () => {
    const ring = createKeyring(k1);
    const legacy = legacySeal(ring, 'from-release-one');
    expect(isLegacyCiphertext(legacy)).toBe(true);
    expect(() => openSecret(ring, legacy, row)).toThrow(/sealed before secrets were bound/);
    const bound = bindLegacySecret(ring, legacy, row);
    expect(isLegacyCiphertext(bound.ciphertext)).toBe(false);
    expect(openSecret(ring, bound.ciphertext, row)).toBe('from-release-one');
    expect(() => bindLegacySecret(ring, bound.ciphertext, row)).toThrow(/not a legacy/);
  });

  it('rejects a master key of the wrong length', () => {
    expect(() => createKeyring(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe('credential endpoint binding', () => {
  const at = { engine: 'postgresql', host: 'Orders-DB.internal', port: 5432, tlsServerName: null, caPem: '-----BEGIN CERTIFICATE-----\nAA\n-----END CERTIFICATE-----\n' };

  it('ignores case and surrounding whitespace, and names each field that moved', () => {
    expect(changedEndpointFields(at, { ...at, host: 'orders-db.internal', caPem: `${at.caPem}  ` })).toEqual([]);
    expect(changedEndpointFields(at, { ...at, port: 5433 })).toEqual(['port']);
    expect(changedEndpointFields(at, { ...at, engine: 'redis', host: 'evil.example' })).toEqual(['engine', 'host']);
    expect(changedEndpointFields(at, { ...at, tlsServerName: 'orders.example' })).toEqual(['tlsServerName']);
    expect(changedEndpointFields(at, { ...at, caPem: null })).toEqual(['caPem']);
  });

  it('seals a password that opens at its own endpoint only', () => {
    const ring = createKeyring(k1);
    const id = '7d7c1f1e-0000-4000-8000-00000000000a';
    const sealed = sealSecret(ring, 'pw', credentialBinding(id, at));
    expect(openSecret(ring, sealed.ciphertext, credentialBinding(id, { ...at, host: 'orders-db.internal' }))).toBe('pw');
    expect(() => openSecret(ring, sealed.ciphertext, credentialBinding(id, { ...at, port: 6432 }))).toThrow();
    expect(() => openSecret(ring, sealed.ciphertext, credentialBinding(id, { ...at, caPem: null }))).toThrow();
  });
});
