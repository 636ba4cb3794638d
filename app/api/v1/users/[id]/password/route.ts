import { operationRoute } from '@/lib/http/operation-route';
import { userOperations } from '@/lib/api/operations/user-operations';
import { setUserPassword } from '@/lib/services/users/set-user-password';

export const PUT = operationRoute(userOperations.setPassword, ({ ctx, params, body }) => setUserPassword(ctx, params.id, body));
