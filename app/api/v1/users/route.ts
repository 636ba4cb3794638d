import { operationRoute } from '@/lib/http/operation-route';
import { userOperations } from '@/lib/api/operations/user-operations';
import { listUsers } from '@/lib/services/users/list-users';
import { createUser } from '@/lib/services/users/create-user';

export const GET = operationRoute(userOperations.list, async ({ ctx }) => ({ items: await listUsers(ctx) }));

export const POST = operationRoute(userOperations.create, ({ ctx, body }) => createUser(ctx, body));
