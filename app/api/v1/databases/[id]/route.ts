import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { getDatabaseDetail } from '@/lib/services/targets/get-database-detail';
import { updateTarget } from '@/lib/services/targets/update-target';
import { deleteTarget } from '@/lib/services/targets/delete-target';

export const GET = operationRoute(databaseOperations.get, ({ ctx, params }) => getDatabaseDetail(ctx, params.id));

export const PATCH = operationRoute(databaseOperations.update, ({ ctx, params, body }) => updateTarget(ctx, params.id, body));

export const DELETE = operationRoute(databaseOperations.remove, ({ ctx, params }) => deleteTarget(ctx, params.id));
