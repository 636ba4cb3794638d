import { db } from '../db';

export interface ClaimedOutboxRow {
  id: string;
  recipients: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** including this claim */
  attempts: number;
}

const ts = (d: Date) => d.toISOString();

/**
 * Claims due rows with a lease in one committed statement: SKIP LOCKED keeps concurrent workers off each other's
 * rows, and the pushed nextAttemptAt keeps them off after commit, until the lease ends (a crashed worker's rows
 * come back then). The attempt is counted up front, so a worker killed mid-send still uses one up.
 */
export async function claimOutboxRows(input: { limit: number; now: Date; leaseMs: number }): Promise<ClaimedOutboxRow[]> {
  const until = new Date(input.now.getTime() + input.leaseMs);
  return db.$queryRaw<ClaimedOutboxRow[]>`
    UPDATE "Outbox" o SET attempts = o.attempts + 1, "nextAttemptAt" = ${ts(until)}::timestamp(3)
    WHERE o.id IN (
      SELECT id FROM "Outbox"
      WHERE status = 'pending' AND digest = false AND "channelId" IS NULL AND "nextAttemptAt" <= ${ts(input.now)}::timestamp(3)
      ORDER BY "nextAttemptAt", "createdAt", id
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o.recipients, o.cc, o.subject, o.text, o.html, o.attempts`;
}
