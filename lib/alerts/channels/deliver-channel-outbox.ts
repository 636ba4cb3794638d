import { db } from '../../db';
import { envKeyring } from '../../crypto/keyring';
import { deliveryBackoffMs } from '../delivery-backoff';
import { networkPolicySetting } from '../../settings/network-policy-setting';
import { claimChannelRows } from './claim-channel-rows';
import { sendChannelDelivery } from './send-channel-delivery';

/** Attempts per channel delivery: with the outbox's backoff (30 s doubling, at most an hour) about four and a half hours. */
export const CHANNEL_MAX_ATTEMPTS = 10;
const LEASE_MS = 5 * 60_000;

export interface ChannelDeliveryRun {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
}

/**
 * Sends due channel deliveries once each, through the same outbox rows, backoff and lease as email. A receiver that
 * cannot be reached fails the rest of its rows in this pass too; a 4xx that can never succeed goes straight to dead.
 */
export async function deliverChannelOutbox(input: { limit?: number; now?: Date; ids?: readonly string[] } = {}): Promise<ChannelDeliveryRun> {
  const now = input.now ?? new Date();
  const run: ChannelDeliveryRun = { claimed: 0, sent: 0, retrying: 0, dead: 0 };
  const rows = await claimChannelRows({ limit: input.limit ?? 50, now, leaseMs: LEASE_MS, ids: input.ids });
  run.claimed = rows.length;
  if (rows.length === 0) return run;
  const channels = new Map(
    (await db.notificationChannel.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.channelId))] } }, select: { id: true, type: true, url: true, secretCiphertext: true } })).map((c) => [c.id, c]),
  );
  const policy = await networkPolicySetting.load();
  const keyring = envKeyring();
  const unreachable = new Map<string, { error: string }>();
  for (const row of rows) {
    const channel = channels.get(row.channelId);
    const down = unreachable.get(row.channelId);
    const outcome = !channel
      ? { ok: false as const, error: 'the channel was deleted', status: null, permanent: true, connection: false }
      : down
        ? { ok: false as const, error: down.error, status: null, permanent: false, connection: true }
        : await sendChannelDelivery(channel, row.payload, { keyring, policy, now });
    const at = new Date(Math.max(now.getTime(), Date.now()));
    if (outcome.ok) {
      await db.outbox.updateMany({ where: { id: row.id, status: 'pending' }, data: { status: 'sent', sentAt: at, lastError: null, responseStatus: outcome.status } });
      run.sent++;
      continue;
    }
    if (outcome.connection && !outcome.permanent) unreachable.set(row.channelId, { error: outcome.error });
    const dead = outcome.permanent || row.attempts >= CHANNEL_MAX_ATTEMPTS;
    await db.outbox.updateMany({
      where: { id: row.id, status: 'pending' },
      data: dead
        ? { status: 'dead', lastError: outcome.error, responseStatus: outcome.status }
        : { lastError: outcome.error, responseStatus: outcome.status, nextAttemptAt: new Date(now.getTime() + deliveryBackoffMs(row.attempts)) },
    });
    run[dead ? 'dead' : 'retrying']++;
  }
  return run;
}
