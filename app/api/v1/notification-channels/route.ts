import { operationRoute } from '@/lib/http/operation-route';
import { notificationChannelOperations } from '@/lib/api/operations/notification-channel-operations';
import { createNotificationChannel } from '@/lib/services/notifications/create-notification-channel';
import { listNotificationChannels } from '@/lib/services/notifications/list-notification-channels';

export const GET = operationRoute(notificationChannelOperations.list, async ({ ctx }) => ({ items: await listNotificationChannels(ctx) }));

export const POST = operationRoute(notificationChannelOperations.create, ({ ctx, body }) => createNotificationChannel(ctx, body));
