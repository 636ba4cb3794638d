import { operationRoute } from '@/lib/http/operation-route';
import { exceptionOperations } from '@/lib/api/operations/exception-operations';
import { createException } from '@/lib/services/exceptions/create-exception';
import { listExceptions } from '@/lib/services/exceptions/list-exceptions';

export const GET = operationRoute(exceptionOperations.list, ({ ctx, query }) => listExceptions(ctx, query));

export const POST = operationRoute(exceptionOperations.create, ({ ctx, body }) => createException(ctx, body));
