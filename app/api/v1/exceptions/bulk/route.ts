import { operationRoute } from '@/lib/http/operation-route';
import { exceptionOperations } from '@/lib/api/operations/exception-operations';
import { createExceptions } from '@/lib/services/exceptions/create-exceptions';

export const POST = operationRoute(exceptionOperations.createMany, ({ ctx, body }) => createExceptions(ctx, body));
