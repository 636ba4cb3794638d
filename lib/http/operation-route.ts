import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import type { ApiOperation } from '../api/api-operation';
import { requireApiCaller } from '../auth/require-user';
import { AppError } from '../errors/app-error';
import type { ServiceContext } from '../services/service-context';
import { apiRoute, readJson } from './api-route';

type Output<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
type Result<R> = R extends z.ZodType ? z.input<R> : void;

export interface OperationInput<P, Q> {
  ctx: ServiceContext;
  params: Output<P>;
  query: Output<Q>;
  /** the raw body (JSON value or text); services parse it after authorizing, with the operation's body schema */
  body: () => Promise<unknown>;
  req: NextRequest;
}

async function readBody(req: NextRequest, op: ApiOperation): Promise<unknown> {
  if (op.requestContentType === 'application/yaml') return req.text();
  // An empty body on an operation whose fields are all optional is an empty object, not bad JSON.
  if (req.headers.get('content-length') === '0') return {};
  return readJson(req);
}

/**
 * A route handler for a documented operation: authenticate (token or session), validate the query string
 * with the operation's schema, run the handler, answer with the operation's success status. The handler's
 * result is type-checked against the operation's response schema.
 */
export function operationRoute<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
>(op: ApiOperation<P, Q, B, R>, handler: (input: OperationInput<P, Q>) => Promise<Result<R> | Response>) {
  return apiRoute<Record<string, string>>(async (req, rawParams) => {
    const ctx = await requireApiCaller(req);
    const params = (op.params ? op.params.parse(rawParams) : {}) as Output<P>;
    let query = {} as Output<Q>;
    if (op.query) {
      const parsed = op.query.safeParse(Object.fromEntries(req.nextUrl.searchParams));
      if (!parsed.success) throw parsed.error;
      query = parsed.data as Output<Q>;
    } else if ([...req.nextUrl.searchParams.keys()].length > 0) {
      const [first] = req.nextUrl.searchParams.keys();
      throw new AppError('bad_request', 'Invalid input', [{ path: first ?? '(root)', message: 'is not a known parameter' }]);
    }
    const result = await handler({ ctx, params, query, body: () => readBody(req, op as ApiOperation), req });
    if (result instanceof Response) return result;
    if (op.success.status === 204 || op.success.response === undefined) return new NextResponse(null, { status: 204 });
    return NextResponse.json(result, { status: op.success.status });
  });
}
