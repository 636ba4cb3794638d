import { db } from '../db';
import { publicUrl } from './public-url';
import { renderDigestEmail, type DigestItem } from './render-digest-email';

interface PendingDigestRow extends DigestItem {
  id: string;
  recipients: string[];
}

/**
 * For each recipient with alerts waiting for the digest: one outbox row (dedupeKey digest:<email>:<day>) that
 * groups them all, and the grouped rows marked sent with digestedIntoId, in one transaction. A rerun finds nothing
 * pending; alerts that arrive after today's digest was written wait for tomorrow's.
 */
export async function buildDigests(input: { now?: Date } = {}): Promise<{ digests: number; alerts: number }> {
  const now = input.now ?? new Date();
  const day = now.toISOString().slice(0, 10);
  return db.$transaction(async (tx) => {
    // FOR UPDATE, not SKIP LOCKED: a concurrent run waits, then finds these rows no longer pending.
    const rows = await tx.$queryRaw<PendingDigestRow[]>`
      SELECT id, recipients, subject, text, severity, "createdAt" FROM "Outbox"
      WHERE status = 'pending' AND digest = true AND "createdAt" <= ${now.toISOString()}::timestamp(3)
      ORDER BY "createdAt", id
      FOR UPDATE`;
    const byRecipient = new Map<string, PendingDigestRow[]>();
    for (const row of rows) for (const r of new Set(row.recipients.map((x) => x.trim().toLowerCase()))) byRecipient.set(r, [...(byRecipient.get(r) ?? []), row]);
    const digestFor = new Map<string, string>();
    for (const [email, items] of byRecipient) {
      const dedupeKey = `digest:${email}:${day}`;
      const rendered = renderDigestEmail({ day, items, publicUrl: publicUrl() });
      const { count } = await tx.outbox.createMany({ data: [{ dedupeKey, kind: 'digest', digest: false, recipients: [email], ...rendered }], skipDuplicates: true });
      if (count === 1) digestFor.set(email, (await tx.outbox.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } })).id);
    }
    let alerts = 0;
    for (const row of rows) {
      const recipients = [...new Set(row.recipients.map((x) => x.trim().toLowerCase()))];
      if (recipients.length === 0) {
        await tx.outbox.update({ where: { id: row.id }, data: { status: 'dead', lastError: 'no recipients' } });
        continue;
      }
      // Folded only once every recipient has it in a digest written now; otherwise it waits for the next day's.
      if (!recipients.every((r) => digestFor.has(r))) continue;
      await tx.outbox.update({ where: { id: row.id }, data: { status: 'sent', sentAt: now, digestedIntoId: digestFor.get(recipients[0]!) } });
      alerts++;
    }
    return { digests: digestFor.size, alerts };
  }, { timeout: 60_000 });
}
