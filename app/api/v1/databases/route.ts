import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { listDatabases } from '@/lib/services/targets/list-databases';
import { createTarget } from '@/lib/services/targets/create-target';

export const GET = operationRoute(databaseOperations.list, ({ ctx, query }) => listDatabases(ctx, query));

export const POST = operationRoute(databaseOperations.create, ({ ctx, body }) => createTarget(ctx, body));
