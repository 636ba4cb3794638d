import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { setTargetCredential } from '@/lib/services/targets/set-target-credential';

export const PUT = operationRoute(databaseOperations.setCredential, ({ ctx, params, body }) => setTargetCredential(ctx, params.id, body));
