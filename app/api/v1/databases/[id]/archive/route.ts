import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { setTargetArchived } from '@/lib/services/targets/set-target-archived';

export const POST = operationRoute(databaseOperations.archive, async ({ ctx, params, body }) => setTargetArchived(ctx, params.id, (await body()) as { archived: boolean }));
