import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

const VERSION = 'v1';
const DATA_AAD = Buffer.from('posture:credential:v1');

export interface Sealed {
  ciphertext: string;
  keyId: string;
}

function gcmSeal(key: Buffer, plain: Buffer, aad: Buffer): { iv: Buffer; body: Buffer } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  return { iv, body };
}

function gcmOpen(key: Buffer, iv: Buffer, body: Buffer, aad: Buffer): Buffer {
  if (body.length < 16) throw new Error('ciphertext too short');
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(aad);
  d.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]);
}

/** Envelope encryption: a fresh data key per secret, wrapped by the master key whose id travels with it. */
export function sealSecret(keyring: Keyring, plaintext: string): Sealed {
  const dataKey = randomBytes(32);
  const data = gcmSeal(dataKey, Buffer.from(plaintext, 'utf8'), DATA_AAD);
  const { id, key } = keyring.current;
  const wrapped = gcmSeal(key, dataKey, Buffer.from(id));
  dataKey.fill(0);
  const parts = [VERSION, id, wrapped.iv, wrapped.body, data.iv, data.body].map((p) =>
    typeof p === 'string' ? p : p.toString('base64url'),
  );
  return { ciphertext: parts.join('.'), keyId: id };
}

function parse(ciphertext: string) {
  const parts = ciphertext.split('.');
  if (parts.length !== 6 || parts[0] !== VERSION) throw new Error('unrecognised credential ciphertext');
  const [, keyId, wiv, wbody, div, dbody] = parts as [string, string, string, string, string, string];
  const b = (s: string) => Buffer.from(s, 'base64url');
  return { keyId, wrapIv: b(wiv), wrapped: b(wbody), dataIv: b(div), data: b(dbody) };
}

function unwrap(keyring: Keyring, ciphertext: string) {
  const p = parse(ciphertext);
  const kek = keyring.byId.get(p.keyId);
  if (!kek) throw new Error(`no master key with id ${p.keyId} is configured`);
  try {
    return { ...p, dataKey: gcmOpen(kek.key, p.wrapIv, p.wrapped, Buffer.from(p.keyId)) };
  } catch {
    throw new Error('credential ciphertext failed authentication');
  }
}

export function openSecret(keyring: Keyring, ciphertext: string): string {
  const p = unwrap(keyring, ciphertext);
  try {
    return gcmOpen(p.dataKey, p.dataIv, p.data, DATA_AAD).toString('utf8');
  } catch {
    throw new Error('credential ciphertext failed authentication');
  } finally {
    p.dataKey.fill(0);
  }
}

/** Re-wraps only the data key under the current master key; the secret itself is never decrypted. */
export function rewrapSecret(keyring: Keyring, ciphertext: string): Sealed {
  const p = unwrap(keyring, ciphertext);
  const { id, key } = keyring.current;
  const wrapped = gcmSeal(key, p.dataKey, Buffer.from(id));
  p.dataKey.fill(0);
  const parts = [VERSION, id, wrapped.iv.toString('base64url'), wrapped.body.toString('base64url'), p.dataIv.toString('base64url'), p.data.toString('base64url')];
  return { ciphertext: parts.join('.'), keyId: id };
}
