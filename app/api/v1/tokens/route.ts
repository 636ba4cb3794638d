import { operationRoute } from '@/lib/http/operation-route';
import { tokenOperations } from '@/lib/api/operations/token-operations';
import { createApiToken } from '@/lib/services/tokens/create-api-token';
import { listApiTokens } from '@/lib/services/tokens/list-api-tokens';

export const GET = operationRoute(tokenOperations.list, async ({ ctx }) => ({ items: await listApiTokens(ctx) }));

export const POST = operationRoute(tokenOperations.create, ({ ctx, body }) => createApiToken(ctx, body));
