import { db } from '../../db';

export interface ClaimedChannelRow {
  id: string;
  channelId: string;
  payload: unknown;
  attempts: number;
}

const ts = (d: Date) => d.toISOString();

/**
 * Like claimOutboxRows, for channel deliveries: a lease in one statement, SKIP LOCKED between workers, the attempt
 * counted up front. A resolve waits while its trigger is still pending, so PagerDuty never sees them out of order.
 */
export async function claimChannelRows(input: { limit: number; now: Date; leaseMs: number; ids?: readonly string[] }): Promise<ClaimedChannelRow[]> {
  const until = new Date(input.now.getTime() + input.leaseMs);
  const only = input.ids ? [...input.ids] : null;
  return db.$queryRaw<ClaimedChannelRow[]>`
    UPDATE "Outbox" o SET attempts = o.attempts + 1, "nextAttemptAt" = ${ts(until)}::timestamp(3)
    WHERE o.id IN (
      SELECT c.id FROM "Outbox" c
      WHERE c.status = 'pending' AND c."channelId" IS NOT NULL AND c."nextAttemptAt" <= ${ts(input.now)}::timestamp(3)
        AND (${only}::text[] IS NULL OR c.id::text = ANY(${only}::text[]))
        AND NOT (c.event = 'resolve' AND EXISTS (
          SELECT 1 FROM "Outbox" t WHERE t."channelId" = c."channelId" AND t."alertKey" = c."alertKey" AND t.event = 'trigger' AND t.status = 'pending'))
      ORDER BY c."nextAttemptAt", c."createdAt", c.id
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o."channelId", o.payload, o.attempts`;
}
