import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { assignOwner } from '@/lib/services/targets/assign-owner';

export const POST = operationRoute(databaseOperations.assignOwner, ({ ctx, body }) => assignOwner(ctx, body));
