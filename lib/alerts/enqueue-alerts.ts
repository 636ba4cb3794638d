import type { Tx } from '../db';
import type { AlertIntent } from './alert-intent';
import type { RenderedEmail } from './render-alert-email';
import { normalizedAddress, ownerAddress } from './owner-address';

export interface QueuedAlert {
  intent: AlertIntent;
  email: RenderedEmail;
}

export interface AlertRecipients {
  ownerEmail: string | null;
  ownerTeam: string | null;
  securityRecipients: readonly string[];
  /** these get the alert in their daily digest instead of alone */
  digestRecipients: readonly string[];
  teamAddresses: readonly { team: string; email: string }[];
}

/**
 * To the owner (its own address or its team's) with the security list in copy; with no owner the security list is
 * addressed. Validated, lower-cased and deduplicated; anything that is not one address is dropped.
 */
export function alertAddresses(r: Omit<AlertRecipients, 'digestRecipients'>): { to: string[]; cc: string[] } {
  const owner = ownerAddress(r, r.teamAddresses)?.email ?? null;
  const security = [...new Set(r.securityRecipients.map(normalizedAddress).filter((e): e is string => e !== null && e !== owner))];
  return owner ? { to: [owner], cc: security } : { to: security, cc: [] };
}

/**
 * Writes the alerts to the Outbox in the caller's transaction: one row shared by the addressees and their copy (key
 * `<key>`) and one per digest recipient (`<key>#digest:<email>`). Existing keys are skipped, so re-runs write nothing.
 */
export async function enqueueAlerts(tx: Tx, alerts: readonly QueuedAlert[], recipients: AlertRecipients, now = new Date()): Promise<number> {
  const { to, cc } = alertAddresses(recipients);
  const digestSet = new Set(recipients.digestRecipients.map((e) => e.trim().toLowerCase()));
  const directTo = to.filter((e) => !digestSet.has(e));
  const directCc = cc.filter((e) => !digestSet.has(e));
  // An owner who takes the digest leaves the copied security list as the addressees of the single email.
  const direct = directTo.length ? { to: directTo, cc: directCc } : { to: directCc, cc: [] };
  const digest = [...to, ...cc].filter((e) => digestSet.has(e));
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
      ...(direct.to.length ? [{ ...row, dedupeKey: intent.dedupeKey, digest: false, recipients: direct.to, cc: direct.cc }] : []),
      ...digest.map((e) => ({ ...row, dedupeKey: `${intent.dedupeKey}#digest:${e}`, digest: true, recipients: [e] })),
    ];
  });
  if (rows.length === 0) return 0;
  const { count } = await tx.outbox.createMany({ data: rows, skipDuplicates: true });
  return count;
}
