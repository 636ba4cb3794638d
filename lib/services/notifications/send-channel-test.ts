import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { AppError } from '../../errors/app-error';
import { publicUrl } from '../../alerts/public-url';
import { buildChannelEvent } from '../../alerts/channels/build-channel-event';
import { deliverChannelOutbox } from '../../alerts/channels/deliver-channel-outbox';
import type { ChannelDeliveryView } from '../../validations/api/notification-channel-schemas';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { channelDeliverySelect, toChannelDeliveryView } from './channel-view';

/**
 * Queues a test event to one channel through the outbox and makes its first attempt now, so the answer says whether
 * it arrived; one that failed is retried by the worker like any delivery (audited).
 */
export async function sendChannelTest(ctx: ServiceContext, id: string): Promise<ChannelDeliveryView> {
  authorize(ctx, 'alerts:manage');
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError('not_found', 'Notification channel not found');
  const channel = await db.notificationChannel.findUnique({ where: { id: parsed.data }, select: { id: true, name: true, type: true } });
  if (!channel) throw new AppError('not_found', 'Notification channel not found');
  const who = ctx.actor.kind === 'user' ? ctx.actor.email : ctx.actor.name;
  const rowId = randomUUID();
  const alertKey = `test:${rowId}`;
  const summary = `Posture test event for ${channel.name}, sent by ${who}`;
  const doc = buildChannelEvent({ id: rowId, event: 'test', dedupeKey: alertKey, at: new Date(), severity: 'low', summary, target: null, check: null, facts: { Requested: who }, publicUrl: publicUrl() });
  await db.$transaction(async (tx) => {
    await tx.outbox.create({
      data: { id: rowId, dedupeKey: `${alertKey}#test#channel:${channel.id}`, kind: 'test', severity: 'low', recipients: [], subject: summary.slice(0, 250), text: summary, html: '', channelId: channel.id, event: 'test', alertKey, payload: doc as Prisma.InputJsonValue },
    });
    await writeAudit(tx, ctx, { action: 'notification_channel.test', entity: 'notification_channel', entityId: channel.id, diff: { name: channel.name, delivery: rowId } });
  });
  await deliverChannelOutbox({ ids: [rowId], limit: 1 });
  return toChannelDeliveryView(await db.outbox.findUniqueOrThrow({ where: { id: rowId }, select: channelDeliverySelect }));
}
