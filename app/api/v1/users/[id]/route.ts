import { operationRoute } from '@/lib/http/operation-route';
import { userOperations } from '@/lib/api/operations/user-operations';
import { updateUser } from '@/lib/services/users/update-user';

export const PATCH = operationRoute(userOperations.update, ({ ctx, params, body }) => updateUser(ctx, params.id, body));
