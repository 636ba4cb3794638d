import { operationRoute } from '@/lib/http/operation-route';
import { notificationChannelOperations } from '@/lib/api/operations/notification-channel-operations';
import { sendChannelTest } from '@/lib/services/notifications/send-channel-test';

export const POST = operationRoute(notificationChannelOperations.test, ({ ctx, params }) => sendChannelTest(ctx, params.id));
