import { operationRoute } from '@/lib/http/operation-route';
import { tokenOperations } from '@/lib/api/operations/token-operations';
import { revokeApiToken } from '@/lib/services/tokens/revoke-api-token';

export const DELETE = operationRoute(tokenOperations.revoke, ({ ctx, params }) => revokeApiToken(ctx, { id: params.id }));
