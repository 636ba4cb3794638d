import 'server-only';
import type { Db } from '../db';
import { bindLegacySecret } from './envelope';
import { credentialBinding } from './credential-binding';
import type { Keyring } from './keyring';

/**
 * Re-seals every password stored before credentials were bound to their row and endpoint (ciphertext v1) under
 * its target's current binding. Idempotent; rows it cannot open are left as they are and stay withheld at scan time.
 */
export async function bindLegacyCredentials(db: Db, keyring: Keyring): Promise<{ bound: number; failed: number }> {
  const rows = await db.target.findMany({
    where: { credential: { ciphertext: { startsWith: 'v1.' } } },
    select: { id: true, engine: true, host: true, port: true, tlsServerName: true, caPem: true, credential: { select: { id: true, ciphertext: true } } },
  });
  let bound = 0;
  let failed = 0;
  for (const t of rows) {
    const c = t.credential!;
    try {
      const sealed = bindLegacySecret(keyring, c.ciphertext!, credentialBinding(t.id, t));
      // Only if nobody replaced it meanwhile.
      const n = await db.credential.updateMany({ where: { id: c.id, ciphertext: c.ciphertext }, data: sealed });
      bound += n.count;
    } catch {
      failed++;
    }
  }
  return { bound, failed };
}
