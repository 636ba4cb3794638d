import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '../../db';
import { publicUrl } from '../../alerts/public-url';
import { escapeHtml } from '../../alerts/render-alert-email';
import { sendTestEmailSchema, type SendTestEmailInput } from '../../validations/outbox';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { outboxViewSelect, toOutboxView, type OutboxView } from './outbox-view';

/** Queues a test email to a validated address; the normal delivery path sends it, so it proves that path end to end. */
export async function sendTestEmail(ctx: ServiceContext, input: SendTestEmailInput): Promise<OutboxView> {
  authorize(ctx, 'alerts:manage');
  const { to } = sendTestEmailSchema.parse(input);
  const who = ctx.actor.kind === 'user' ? ctx.actor.email : ctx.actor.name;
  const url = publicUrl();
  const text = [
    'This is a test email from Posture.',
    '',
    `It was requested by ${who} and went through the same outbox and SMTP delivery as every alert.`,
    `Alert emails and delivery status: ${url}/alerts`,
  ].join('\n');
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f5f6f8;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#1a1d23">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dfe2e8;border-radius:8px;padding:24px">
<h1 style="font-size:18px;margin:0 0 8px">Posture test email</h1>
<p style="margin:0 0 8px">It was requested by ${escapeHtml(who)} and went through the same outbox and SMTP delivery as every alert.</p>
<p style="margin:0"><a href="${escapeHtml(`${url}/alerts`)}" style="color:#1f5fd6">Alert emails and delivery status</a></p>
</div></body></html>`;
  return db.$transaction(async (tx) => {
    const row = await tx.outbox.create({
      data: { dedupeKey: `test:${randomUUID()}`, kind: 'test', severity: 'info', recipients: [to], subject: '[Posture] Test email', text, html },
      select: outboxViewSelect,
    });
    await writeAudit(tx, ctx, { action: 'outbox.test_email', entity: 'outbox', entityId: row.id, diff: { to } });
    return toOutboxView(row, new Map());
  });
}
