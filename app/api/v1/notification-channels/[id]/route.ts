import { operationRoute } from '@/lib/http/operation-route';
import { notificationChannelOperations } from '@/lib/api/operations/notification-channel-operations';
import { deleteNotificationChannel } from '@/lib/services/notifications/delete-notification-channel';
import { getNotificationChannel } from '@/lib/services/notifications/get-notification-channel';
import { updateNotificationChannel } from '@/lib/services/notifications/update-notification-channel';

export const GET = operationRoute(notificationChannelOperations.get, ({ ctx, params }) => getNotificationChannel(ctx, params.id));

export const PATCH = operationRoute(notificationChannelOperations.update, ({ ctx, params, body }) => updateNotificationChannel(ctx, params.id, body));

export const DELETE = operationRoute(notificationChannelOperations.remove, ({ ctx, params }) => deleteNotificationChannel(ctx, params.id));
