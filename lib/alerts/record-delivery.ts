import { db } from '../db';
import { deliveryBackoffMs } from './delivery-backoff';

/** Only a pending row is marked: a row an admin already handled otherwise (it cannot be, today) is left alone. */
export async function markOutboxSent(id: string, messageId: string, at: Date): Promise<void> {
  await db.outbox.updateMany({ where: { id, status: 'pending' }, data: { status: 'sent', sentAt: at, messageId, lastError: null } });
}

/** A failed attempt: back off exponentially, or give up (dead) after the last allowed attempt or a permanent error. */
export async function markOutboxFailed(row: { id: string; attempts: number }, error: string, now: Date, opts: { maxAttempts: number; permanent?: boolean }): Promise<'retry' | 'dead'> {
  const dead = opts.permanent || row.attempts >= opts.maxAttempts;
  await db.outbox.updateMany({
    where: { id: row.id, status: 'pending' },
    data: dead ? { status: 'dead', lastError: error } : { lastError: error, nextAttemptAt: new Date(now.getTime() + deliveryBackoffMs(row.attempts)) },
  });
  return dead ? 'dead' : 'retry';
}

/** Hands back claimed rows this run will not get to, without using up an attempt. */
export async function releaseOutboxRows(ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.outbox.updateMany({ where: { id: { in: ids }, status: 'pending' }, data: { attempts: { decrement: 1 }, nextAttemptAt: now } });
}
