import 'server-only';
import { createHash } from 'node:crypto';
import { env } from '../env';

export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  current: MasterKey;
  byId: Map<string, MasterKey>;
}

/** A key's id is derived from the key itself, so it never needs to be configured and cannot drift. */
export function masterKeyFromBase64(b64: string): MasterKey {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) throw new Error('a master key must be 32 bytes, base64-encoded');
  return { id: 'k' + createHash('sha256').update(key).digest('hex').slice(0, 12), key };
}

export function createKeyring(current: string, previous: string[] = []): Keyring {
  const cur = masterKeyFromBase64(current);
  const byId = new Map<string, MasterKey>([[cur.id, cur]]);
  for (const p of previous.filter((s) => s.trim())) {
    const k = masterKeyFromBase64(p);
    if (!byId.has(k.id)) byId.set(k.id, k);
  }
  return { current: cur, byId };
}

let cached: Keyring | undefined;

export function envKeyring(): Keyring {
  const e = env();
  cached ??= createKeyring(e.POSTURE_MASTER_KEY, (e.POSTURE_MASTER_KEY_PREVIOUS ?? '').split(','));
  return cached;
}
