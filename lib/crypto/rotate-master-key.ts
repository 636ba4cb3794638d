import 'server-only';
import type { Db } from '../db';
import { rewrapSecret } from './envelope';
import type { Keyring } from './keyring';

export interface RotationOptions {
  batchSize: number;
  /** a pause between batches, so a large rotation does not crowd a busy store */
  pauseMs?: number;
  onBatch?: (progress: { rewrapped: number; batch: number }) => void;
}

export interface RotationResult {
  rewrapped: number;
  /** rows whose key is not in the keyring (or whose ciphertext fails authentication): left untouched */
  failed: { id: string; error: string }[];
  remaining: number;
}

/**
 * Re-wraps every credential's data key under the keyring's current master key, one batch per transaction:
 * a kill between batches leaves each row wholly under the old or the new key, both readable while the old
 * one is still listed as previous. Rows already under the current key are skipped, so a rerun finishes
 * the job; SKIP LOCKED lets two runs, or a credential being replaced, proceed side by side.
 */
export async function rotateMasterKey(db: Db, keyring: Keyring, opts: RotationOptions): Promise<RotationResult> {
  const current = keyring.current.id;
  const failed: RotationResult['failed'] = [];
  let rewrapped = 0;
  for (let batch = 1; ; batch++) {
    const skip = failed.map((f) => f.id);
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; ciphertext: string }[]>`
        SELECT id::text, ciphertext FROM "Credential"
        WHERE ciphertext IS NOT NULL AND ("keyId" IS NULL OR "keyId" <> ${current})
          AND NOT (id::text = ANY(${skip}::text[]))
        ORDER BY id LIMIT ${opts.batchSize}
        FOR UPDATE SKIP LOCKED`;
      let n = 0;
      for (const row of rows) {
        let sealed;
        try {
          sealed = rewrapSecret(keyring, row.ciphertext);
        } catch (e) {
          failed.push({ id: row.id, error: e instanceof Error ? e.message : String(e) });
          continue;
        }
        await tx.$executeRaw`UPDATE "Credential" SET ciphertext = ${sealed.ciphertext}, "keyId" = ${sealed.keyId} WHERE id = ${row.id}::uuid`;
        n++;
      }
      return { picked: rows.length, n };
    });
    rewrapped += done.n;
    if (done.picked === 0) break;
    opts.onBatch?.({ rewrapped, batch });
    if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
  }
  const left = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Credential" WHERE ciphertext IS NOT NULL AND ("keyId" IS NULL OR "keyId" <> ${current})`;
  return { rewrapped, failed, remaining: left[0]?.n ?? 0 };
}
