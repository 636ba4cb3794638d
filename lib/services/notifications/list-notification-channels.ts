import 'server-only';
import { db } from '../../db';
import type { NotificationChannelView } from '../../validations/api/notification-channel-schemas';
import { authorize, type ServiceContext } from '../service-context';
import { channelViewSelect, toChannelViews } from './channel-view';

/** Every channel, by name; admins only (routing reveals where alerts go). */
export async function listNotificationChannels(ctx: ServiceContext): Promise<NotificationChannelView[]> {
  authorize(ctx, 'alerts:manage');
  return toChannelViews(db, await db.notificationChannel.findMany({ orderBy: { name: 'asc' }, select: channelViewSelect }));
}
