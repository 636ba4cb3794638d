import { operationRoute } from '@/lib/http/operation-route';
import { alertOperations } from '@/lib/api/operations/alert-operations';
import { retryOutbox } from '@/lib/services/alerts/retry-outbox';

export const POST = operationRoute(alertOperations.retryOutbox, ({ ctx, params }) => retryOutbox(ctx, params.id));
