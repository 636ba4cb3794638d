import { operationRoute } from '@/lib/http/operation-route';
import { alertOperations } from '@/lib/api/operations/alert-operations';
import { listOutbox } from '@/lib/services/alerts/list-outbox';

export const GET = operationRoute(alertOperations.listOutbox, ({ ctx, query }) => listOutbox(ctx, query));
