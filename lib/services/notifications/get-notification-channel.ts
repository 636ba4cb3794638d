import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import type { NotificationChannelView } from '../../validations/api/notification-channel-schemas';
import { authorize, type ServiceContext } from '../service-context';
import { channelViewSelect, toChannelViews } from './channel-view';

export async function getNotificationChannel(ctx: ServiceContext, id: string): Promise<NotificationChannelView> {
  authorize(ctx, 'alerts:manage');
  const parsed = z.uuid().safeParse(id);
  const row = parsed.success ? await db.notificationChannel.findUnique({ where: { id: parsed.data }, select: channelViewSelect }) : null;
  if (!row) throw new AppError('not_found', 'Notification channel not found');
  return (await toChannelViews(db, [row]))[0]!;
}
