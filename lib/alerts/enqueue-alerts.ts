import { z } from 'zod';
import type { Tx } from '../db';
import type { AlertIntent } from './alert-intent';
import type { RenderedEmail } from './render-alert-email';

export interface QueuedAlert {
  intent: AlertIntent;
  email: RenderedEmail;
}

export interface AlertRecipients {
  ownerEmail: string | null;
  securityRecipients: readonly string[];
  /** these get the alert in their daily digest instead of alone */
  digestRecipients: readonly string[];
}

const address = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** Owner plus security list, validated, lower-cased and deduplicated; anything that is not one address is dropped. */
export function alertAddresses(r: Pick<AlertRecipients, 'ownerEmail' | 'securityRecipients'>): string[] {
  const out = new Set<string>();
  for (const raw of [r.ownerEmail, ...r.securityRecipients]) {
    const parsed = address.safeParse(raw ?? '');
    if (parsed.success) out.add(parsed.data);
  }
  return [...out];
}

/**
 * Writes the alerts to the Outbox in the caller's transaction: one row shared by the direct recipients (key `<key>`) and
 * one per digest recipient (`<key>#digest:<email>`). Existing keys are skipped, so a re-run scan writes nothing.
 */
export async function enqueueAlerts(tx: Tx, alerts: readonly QueuedAlert[], recipients: AlertRecipients, now = new Date()): Promise<number> {
  const all = alertAddresses(recipients);
  const digestSet = new Set(recipients.digestRecipients.map((e) => e.trim().toLowerCase()));
  const direct = all.filter((e) => !digestSet.has(e));
  const digest = all.filter((e) => digestSet.has(e));
  const rows = alerts.flatMap(({ intent, email }) => {
    const row = {
      kind: intent.kind,
      targetId: intent.targetId,
      severity: intent.severity,
      subject: email.subject,
      text: email.text,
      html: email.html,
      status: 'pending' as const,
      nextAttemptAt: now,
    };
    return [
      ...(direct.length ? [{ ...row, dedupeKey: intent.dedupeKey, digest: false, recipients: direct }] : []),
      ...digest.map((e) => ({ ...row, dedupeKey: `${intent.dedupeKey}#digest:${e}`, digest: true, recipients: [e] })),
    ];
  });
  if (rows.length === 0) return 0;
  const { count } = await tx.outbox.createMany({ data: rows, skipDuplicates: true });
  return count;
}
