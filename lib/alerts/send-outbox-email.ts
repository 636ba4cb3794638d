import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { z } from 'zod';
import type { ClaimedOutboxRow } from './claim-outbox-rows';
import { outboxMessageId } from './outbox-message-id';
import { sanitizeHeader } from './render-alert-email';

// HTML5's rule: dotless domains (root@localhost) pass; spaces, commas, CR/LF and angle brackets never do.
const address = z.email({ pattern: z.regexes.html5Email });

/** A row that can never be sent as it stands (retrying would not help): it goes straight to dead. */
export class UndeliverableError extends Error {
  readonly permanent = true;
}

/** Sends one outbox row; recipients are re-validated and the subject re-flattened here too, so no row can inject headers. */
export async function sendOutboxEmail(transport: Transporter<SMTPTransport.SentMessageInfo>, from: string, row: ClaimedOutboxRow): Promise<string> {
  const to = row.recipients.map((r) => r.trim());
  const cc = row.cc.map((r) => r.trim());
  if (to.length === 0) throw new UndeliverableError('no recipients');
  const bad = [...to, ...cc].filter((r) => !address.safeParse(r).success).length;
  if (bad) throw new UndeliverableError(`${bad} recipient address(es) are not valid email addresses`);
  const messageId = outboxMessageId(row.id);
  await transport.sendMail({
    from,
    to,
    ...(cc.length ? { cc } : {}),
    subject: sanitizeHeader(row.subject, 250),
    text: row.text,
    html: row.html,
    messageId,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Posture-Outbox-Id': row.id },
  });
  return messageId;
}
