import { operationRoute } from '@/lib/http/operation-route';
import { alertOperations } from '@/lib/api/operations/alert-operations';
import { deliverOutboxNow } from '@/lib/services/alerts/deliver-outbox-now';

export const POST = operationRoute(alertOperations.deliverNow, ({ ctx }) => deliverOutboxNow(ctx));
