import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { listTargetChecks } from '@/lib/services/checks/list-target-checks';

export const GET = operationRoute(databaseOperations.checks, async ({ ctx, params }) => ({ items: await listTargetChecks(ctx, params.id) }));
