import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { recordRotation } from '@/lib/services/targets/record-rotation';

export const POST = operationRoute(databaseOperations.recordRotation, ({ ctx, params, body }) => recordRotation(ctx, params.id, body));
