import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

const VERSION = 'v2';
/** Ciphertexts of the first release: their data AAD was a constant, so they are bound to nothing; read only to upgrade them. */
const LEGACY_VERSION = 'v1';
const LEGACY_DATA_AAD = Buffer.from('posture:credential:v1');

/**
 * What a secret is bound to: the row that holds it, the field, and (for credentials) the endpoint it may be
 * sent to. The binding is the data key's AAD, so a ciphertext copied to another row, another field or a
 * changed endpoint no longer opens.
 */
export interface SecretBinding {
  /** the table or kind of secret, e.g. 'credential' */
  kind: string;
  /** the id of the row the secret belongs to, e.g. the target's id */
  rowId: string;
  field: string;
  /** anything else the secret is only valid with, e.g. the endpoint; empty when nothing */
  context?: string;
}

export interface Sealed {
  ciphertext: string;
  keyId: string;
}

export class SecretBindingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBindingError';
  }
}

const bindingAad = (b: SecretBinding) => Buffer.from(JSON.stringify(['posture', VERSION, b.kind, b.rowId, b.field, b.context ?? '']));

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

const b64 = (b: Buffer) => b.toString('base64url');

/** Envelope encryption: a fresh data key per secret, wrapped by the master key whose id travels with it. */
export function sealSecret(keyring: Keyring, plaintext: string, binding: SecretBinding): Sealed {
  const dataKey = randomBytes(32);
  const data = gcmSeal(dataKey, Buffer.from(plaintext, 'utf8'), bindingAad(binding));
  const { id, key } = keyring.current;
  const wrapped = gcmSeal(key, dataKey, Buffer.from(id));
  dataKey.fill(0);
  return { ciphertext: [VERSION, id, b64(wrapped.iv), b64(wrapped.body), b64(data.iv), b64(data.body)].join('.'), keyId: id };
}

function parse(ciphertext: string) {
  const parts = ciphertext.split('.');
  if (parts.length !== 6 || (parts[0] !== VERSION && parts[0] !== LEGACY_VERSION)) throw new Error('unrecognised credential ciphertext');
  const [version, keyId, wiv, wbody, div, dbody] = parts as [string, string, string, string, string, string];
  const b = (s: string) => Buffer.from(s, 'base64url');
  return { version, keyId, wrapIv: b(wiv), wrapped: b(wbody), dataIv: b(div), data: b(dbody) };
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

/** Whether a ciphertext predates bindings and must be upgraded by bindLegacySecret before it can be opened. */
export const isLegacyCiphertext = (ciphertext: string) => ciphertext.startsWith(`${LEGACY_VERSION}.`);

/** Opens a secret only under the binding it was sealed with; a copied or re-pointed ciphertext fails. */
export function openSecret(keyring: Keyring, ciphertext: string, binding: SecretBinding): string {
  const p = unwrap(keyring, ciphertext);
  try {
    if (p.version !== VERSION) throw new SecretBindingError('the credential was sealed before secrets were bound to their row; restart Posture to upgrade it, or enter it again');
    try {
      return gcmOpen(p.dataKey, p.dataIv, p.data, bindingAad(binding)).toString('utf8');
    } catch {
      throw new SecretBindingError('the stored credential is not bound to this row and endpoint (it was moved or tampered with)');
    }
  } finally {
    p.dataKey.fill(0);
  }
}

/** Re-seals a legacy (unbound) ciphertext under a binding; the one path that still reads the old format. */
export function bindLegacySecret(keyring: Keyring, ciphertext: string, binding: SecretBinding): Sealed {
  const p = unwrap(keyring, ciphertext);
  if (p.version !== LEGACY_VERSION) throw new Error('not a legacy ciphertext');
  let plain: Buffer;
  try {
    plain = gcmOpen(p.dataKey, p.dataIv, p.data, LEGACY_DATA_AAD);
  } catch {
    throw new Error('credential ciphertext failed authentication');
  } finally {
    p.dataKey.fill(0);
  }
  try {
    return sealSecret(keyring, plain.toString('utf8'), binding);
  } finally {
    plain.fill(0);
  }
}

/** Re-wraps only the data key under the current master key; the secret itself is never decrypted. */
export function rewrapSecret(keyring: Keyring, ciphertext: string): Sealed {
  const p = unwrap(keyring, ciphertext);
  const { id, key } = keyring.current;
  const wrapped = gcmSeal(key, p.dataKey, Buffer.from(id));
  p.dataKey.fill(0);
  return { ciphertext: [p.version, id, b64(wrapped.iv), b64(wrapped.body), b64(p.dataIv), b64(p.data)].join('.'), keyId: id };
}
