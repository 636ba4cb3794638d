import { operationRoute } from '@/lib/http/operation-route';
import { exceptionOperations } from '@/lib/api/operations/exception-operations';
import { revokeException } from '@/lib/services/exceptions/revoke-exception';

export const POST = operationRoute(exceptionOperations.revoke, ({ ctx, params }) => revokeException(ctx, params.id));
