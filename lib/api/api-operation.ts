import type { z } from 'zod';
import type { ApiScope } from '../auth/api-scopes';

type ObjectSchema = z.ZodObject;

export interface ApiOperation<
  P extends ObjectSchema | undefined = ObjectSchema | undefined,
  Q extends ObjectSchema | undefined = ObjectSchema | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. /api/v1/databases/{id} */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** token scopes that open this operation (any one); signed-in users need the role named in `description` */
  scopes: readonly ApiScope[];
  params?: P;
  query?: Q;
  body?: B;
  /** how the body is sent; JSON unless said otherwise */
  requestContentType?: 'application/json' | 'application/yaml';
  /** `response` undefined means no body (204) */
  success: { status: 200 | 201 | 202 | 204; response?: R; contentType?: 'application/json' | 'text/csv' | 'application/yaml' };
  /** error statuses beyond 401/403/429/500, which every operation can answer */
  errors: readonly (400 | 404 | 409)[];
}

/** Keeps each operation's schema types, so handlers are checked against the very schemas the OpenAPI document shows. */
export function defineOperation<
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(op: ApiOperation<P, Q, B, R>): ApiOperation<P, Q, B, R> {
  return op;
}
