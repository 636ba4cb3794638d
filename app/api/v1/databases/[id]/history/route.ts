import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { getTargetHistory } from '@/lib/services/targets/get-target-history';

export const GET = operationRoute(databaseOperations.history, ({ ctx, params, query }) => getTargetHistory(ctx, { targetId: params.id, days: query.days }));
