import 'server-only';
import { Prisma } from '../generated/prisma/client';
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

/** Every sealed column in the store: target credentials and notification channel secrets (fixed identifiers). */
const sealedColumns = [
  { table: Prisma.raw('"Credential"'), column: Prisma.raw('ciphertext') },
  { table: Prisma.raw('"NotificationChannel"'), column: Prisma.raw('"secretCiphertext"') },
];

/**
 * Re-wraps every sealed secret's data key under the keyring's current master key, one batch per transaction:
 * a kill between batches leaves each row wholly under the old or the new key, both readable while the old
 * one is still listed as previous. Rows already under the current key are skipped, so a rerun finishes
 * the job; SKIP LOCKED lets two runs, or a credential being replaced, proceed side by side.
 */
export async function rotateMasterKey(db: Db, keyring: Keyring, opts: RotationOptions): Promise<RotationResult> {
  const result: RotationResult = { rewrapped: 0, failed: [], remaining: 0 };
  const batches = { n: 0 };
  for (const sealed of sealedColumns) await rotateColumn(db, keyring, opts, sealed, result, batches);
  return result;
}

/** One sealed column, batch by batch; adds what it did to the shared result. */
async function rotateColumn(db: Db, keyring: Keyring, opts: RotationOptions, { table, column }: (typeof sealedColumns)[number], result: RotationResult, batches: { n: number }): Promise<void> {
  const current = keyring.current.id;
  for (;;) {
    const skip = result.failed.map((f) => f.id);
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; ciphertext: string }[]>`
        SELECT id::text, ${column} AS ciphertext FROM ${table}
        WHERE ${column} IS NOT NULL AND ("keyId" IS NULL OR "keyId" <> ${current})
          AND NOT (id::text = ANY(${skip}::text[]))
        ORDER BY id LIMIT ${opts.batchSize}
        FOR UPDATE SKIP LOCKED`;
      let n = 0;
      for (const row of rows) {
        let sealed;
        try {
          sealed = rewrapSecret(keyring, row.ciphertext);
        } catch (e) {
          result.failed.push({ id: row.id, error: e instanceof Error ? e.message : String(e) });
          continue;
        }
        await tx.$executeRaw`UPDATE ${table} SET ${column} = ${sealed.ciphertext}, "keyId" = ${sealed.keyId} WHERE id = ${row.id}::uuid`;
        n++;
      }
      return { picked: rows.length, n };
    });
    result.rewrapped += done.n;
    if (done.picked === 0) break;
    opts.onBatch?.({ rewrapped: result.rewrapped, batch: ++batches.n });
    if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
  }
  const left = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM ${table} WHERE ${column} IS NOT NULL AND ("keyId" IS NULL OR "keyId" <> ${current})`;
  result.remaining += left[0]?.n ?? 0;
}
