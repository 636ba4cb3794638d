import { claimOutboxRows } from './claim-outbox-rows';
import { createMailTransport } from './create-mail-transport';
import { markOutboxFailed, markOutboxSent, releaseOutboxRows } from './record-delivery';
import { redactSmtpError } from './redact-smtp-error';
import { sendOutboxEmail, UndeliverableError } from './send-outbox-email';
import { smtpSettings } from './smtp-settings';
import { deliverChannelOutbox, type ChannelDeliveryRun } from './channels/deliver-channel-outbox';

/** Long enough for a batch's sends (each bounded by the SMTP timeouts); a crashed worker's rows return after it. */
export const OUTBOX_LEASE_MS = 5 * 60_000;

/** Failures of the server or the connection, not of one message: the rest of the batch would fail the same way. */
const SERVER_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EPROTOCOL', 'ECONNREFUSED']);

export interface DeliveryRun {
  /** paused: no SMTP configured; invalid: the SMTP variables are wrong (rows stay pending either way) */
  status: 'ran' | 'paused' | 'invalid';
  problems?: string[];
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
  /** the notification channels' pass, which runs whatever the SMTP settings say */
  channels?: ChannelDeliveryRun;
}

/**
 * Sends due outbox rows once each. Delivery is at-least-once with one narrow window: a worker that dies after
 * the SMTP server accepted a message but before the row is marked sent resends it when the lease ends, with the
 * same Message-ID (see outboxMessageId), which receivers use to drop the duplicate.
 */
export async function deliverOutbox(input: { limit?: number; now?: Date } = {}): Promise<DeliveryRun> {
  const limit = input.limit ?? 50;
  const now = input.now ?? new Date();
  const channels = await deliverChannelOutbox({ limit, now });
  const run: DeliveryRun = { status: 'ran', claimed: 0, sent: 0, retrying: 0, dead: 0, channels };
  const smtp = smtpSettings();
  if (smtp.status === 'not-configured') return { ...run, status: 'paused' };
  if (smtp.status === 'invalid') return { ...run, status: 'invalid', problems: smtp.problems };
  const s = smtp.settings;
  const rows = await claimOutboxRows({ limit, now, leaseMs: OUTBOX_LEASE_MS });
  run.claimed = rows.length;
  if (rows.length === 0) return run;
  const transport = createMailTransport(s);
  const started = Date.now();
  const fail = async (row: (typeof rows)[number], error: string, permanent = false) => {
    const outcome = await markOutboxFailed(row, error, now, { maxAttempts: s.maxAttempts, permanent });
    run[outcome === 'dead' ? 'dead' : 'retrying']++;
  };
  try {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      // Stay well inside the lease, so no other worker can claim a row this one is still sending.
      if (Date.now() - started > OUTBOX_LEASE_MS / 2) {
        await releaseOutboxRows(rows.slice(i).map((r) => r.id), now);
        break;
      }
      try {
        const messageId = await sendOutboxEmail(transport, s.from, row);
        await markOutboxSent(row.id, messageId, new Date(Math.max(now.getTime(), Date.now())));
        run.sent++;
      } catch (e) {
        const error = redactSmtpError(e, [s.password, s.user]);
        await fail(row, error, e instanceof UndeliverableError);
        const code = (e as { code?: unknown }).code;
        if (typeof code === 'string' && SERVER_ERRORS.has(code)) {
          for (const rest of rows.slice(i + 1)) await fail(rest, error);
          break;
        }
      }
    }
  } finally {
    transport.close();
  }
  return run;
}
