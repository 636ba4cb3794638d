import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import type { NotificationChannelView } from '../../validations/api/notification-channel-schemas';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { channelViewSelect, toChannelViews } from './channel-view';

/** Deletes a channel with its secret and its deliveries, pending ones included (audited). */
export async function deleteNotificationChannel(ctx: ServiceContext, id: string): Promise<NotificationChannelView> {
  authorize(ctx, 'alerts:manage');
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError('not_found', 'Notification channel not found');
  return db.$transaction(async (tx) => {
    const row = await tx.notificationChannel.findUnique({ where: { id: parsed.data }, select: channelViewSelect });
    if (!row) throw new AppError('not_found', 'Notification channel not found');
    const view = (await toChannelViews(tx, [row]))[0]!;
    await tx.notificationChannel.delete({ where: { id: row.id } });
    await writeAudit(tx, ctx, { action: 'notification_channel.delete', entity: 'notification_channel', entityId: row.id, diff: { name: row.name, type: row.type } });
    return view;
  });
}
