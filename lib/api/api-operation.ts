import type { z } from 'zod';
import type { ApiScope } from '../access/api-scopes';
import type { Permission } from '../access/permissions';

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
  /**
   * Checked (any one) before any input is read, so a caller without it gets a 403 whatever it sends; the service
   * checks again with whatever more it needs. `null`: any authenticated caller. Must agree with `scopes`.
   */
  permission: Permission | readonly Permission[] | null;
  /** a signed-in user may also call it on their own user id (`params.id`); the service decides what that allows */
  ownUser?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** how the body is sent; JSON unless said otherwise */
  requestContentType?: 'application/json' | 'application/yaml';
  /** a YAML body's limit in bytes, refused before it is read when declared larger (JSON bodies have api-route's limit) */
  maxBodyBytes?: number;
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

/** The description of every operation no token scope opens. */
export const adminsOnly = 'Signed-in admins only; no token scope opens it.';
