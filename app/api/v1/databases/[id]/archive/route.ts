import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { setTargetArchived } from '@/lib/services/targets/set-target-archived';

export const POST = operationRoute(databaseOperations.archive, ({ ctx, params, body }) => setTargetArchived(ctx, params.id, body));
