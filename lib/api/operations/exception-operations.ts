import { z } from 'zod';
import { createExceptionBodySchema, createExceptionsBodySchema, listExceptionsQuerySchema } from '../../validations/exception';
import { exceptionPageSchema, exceptionSchema } from '../../validations/api/exception-schemas';
import { uuidParam } from '../../validations/api/common-schemas';
import { defineOperation } from '../api-operation';

const tag = 'Exceptions';
const editorsOnly = 'Signed-in editors and admins only; no token scope opens it.';

/** Accepted risks: a check left out of the with-exceptions grade until a date. */
export const exceptionOperations = {
  list: defineOperation({
    operationId: 'listExceptions',
    method: 'get',
    path: '/api/v1/exceptions',
    tag,
    summary: 'Accepted risks by state: active (soonest to end first), expired or revoked (latest first)',
    scopes: ['read'],
    permission: 'inventory:read',
    query: listExceptionsQuerySchema.strict(),
    success: { status: 200, response: exceptionPageSchema },
    errors: [400],
  }),
  create: defineOperation({
    operationId: 'createException',
    method: 'post',
    path: '/api/v1/exceptions',
    tag,
    summary: "Accept the risk of one check on one database until a date; the database's with-exceptions grade changes at once (audited)",
    description: `At most a year; one active exception per database and check (409 while one is active). ${editorsOnly}`,
    scopes: [],
    permission: 'exceptions:write',
    body: createExceptionBodySchema,
    success: { status: 201, response: exceptionSchema },
    errors: [400, 404, 409],
  }),
  createMany: defineOperation({
    operationId: 'createExceptions',
    method: 'post',
    path: '/api/v1/exceptions/bulk',
    tag,
    summary: 'Accept the risk of several findings with one justification and one end date, all or none (audited per exception)',
    description: `Up to 200 findings. A finding already accepted (409) or a database that is gone (404) refuses the whole request, naming the item. ${editorsOnly}`,
    scopes: [],
    permission: 'exceptions:write',
    body: createExceptionsBodySchema,
    success: { status: 201, response: z.object({ items: z.array(exceptionSchema) }).meta({ id: 'ExceptionBatch' }) },
    errors: [400, 404, 409],
  }),
  revoke: defineOperation({
    operationId: 'revokeException',
    method: 'post',
    path: '/api/v1/exceptions/{id}/revoke',
    tag,
    summary: 'End an accepted risk now: the finding counts against the grade again at once (audited)',
    description: `409 when it was already revoked or has expired. ${editorsOnly}`,
    scopes: [],
    permission: 'exceptions:write',
    params: uuidParam,
    success: { status: 200, response: exceptionSchema },
    errors: [404, 409],
  }),
};
