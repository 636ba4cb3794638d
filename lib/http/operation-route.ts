import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import type { ApiOperation } from '../api/api-operation';
import { requireApiCaller } from '../auth/require-user';
import { AppError } from '../errors/app-error';
import { plainIssueMessage } from '../validations/plain-issue-message';
import { authorizeAny, type ServiceContext } from '../services/service-context';
import { apiRoute, readJson } from './api-route';

type Output<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
type Input<S> = S extends z.ZodType ? z.input<S> : undefined;
type Result<R> = R extends z.ZodType ? z.input<R> : void;

export interface OperationInput<P, Q, B> {
  ctx: ServiceContext;
  params: Output<P>;
  query: Output<Q>;
  /** the body as sent, checked against the operation's schema; services parse it again, as for any other caller */
  body: Input<B>;
  req: NextRequest;
}

const tooLarge = (limit: number) => {
  const size = `${Math.round(limit / (1024 * 1024))} MB`;
  return new AppError('bad_request', `The request body is larger than ${size}`, [{ path: '(body)', message: `is larger than ${size}` }]);
};

async function readBody(req: NextRequest, op: ApiOperation): Promise<unknown> {
  if (op.requestContentType === 'application/yaml') {
    const limit = op.maxBodyBytes ?? Infinity;
    // Refuse a declared oversize body before buffering it; the byte count after covers chunked bodies.
    if (Number(req.headers.get('content-length') ?? 0) > limit) throw tooLarge(limit);
    const text = await req.text();
    if (Buffer.byteLength(text, 'utf8') > limit) throw tooLarge(limit);
    return text;
  }
  // An empty body on an operation whose fields are all optional is an empty object, not bad JSON.
  if (req.headers.get('content-length') === '0') return {};
  return readJson(req);
}

// zod's own wording is for programmers; a field without a message of its own gets a plain one.
const plainWords = { error: plainIssueMessage };

/** Throws the schema's 400 unless it accepts the value, which then is of the schema's input type. */
function assertAccepted<S extends z.ZodType>(schema: S, value: unknown): asserts value is z.input<S> {
  const checked = schema.safeParse(value, plainWords);
  if (!checked.success) throw checked.error;
}

function parseQuery<Q extends z.ZodObject | undefined>(op: ApiOperation<z.ZodObject | undefined, Q>, req: NextRequest): Output<Q> {
  const raw = Object.fromEntries(req.nextUrl.searchParams);
  if (op.query) return op.query.parse(raw, plainWords) as Output<Q>;
  const [first] = Object.keys(raw);
  if (first !== undefined) throw new AppError('bad_request', 'Invalid input', [{ path: first, message: 'is not a known parameter' }]);
  return {} as Output<Q>;
}

function authorizeOperation(ctx: ServiceContext, op: ApiOperation, params: Record<string, unknown>): void {
  if (op.permission === null) return;
  if (op.ownUser && ctx.actor.kind === 'user' && params.id === ctx.actor.id) return;
  authorizeAny(ctx, typeof op.permission === 'string' ? [op.permission] : op.permission);
}

/**
 * A route handler for a documented operation: authenticate (token or session), authorize the operation's
 * permission, validate path, query and body with its schemas, run the handler, answer with its success status.
 * The handler's result is type-checked against the operation's response schema. Answers are never cached.
 */
export function operationRoute<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | undefined,
>(op: ApiOperation<P, Q, B, R>, handler: (input: OperationInput<P, Q, B>) => Promise<Result<R> | Response>) {
  return apiRoute<Record<string, string>>(async (req, rawParams) => {
    const ctx = await requireApiCaller(req);
    const params = (op.params ? op.params.parse(rawParams, plainWords) : {}) as Output<P>;
    authorizeOperation(ctx, op as ApiOperation, params);
    const query = parseQuery(op, req);
    let body: unknown = undefined;
    if (op.body) {
      body = await readBody(req, op as ApiOperation);
      assertAccepted(op.body, body);
    }
    const result = await handler({ ctx, params, query, body: body as Input<B>, req });
    if (result instanceof Response) return result;
    if (op.success.status === 204 || op.success.response === undefined) return new NextResponse(null, { status: 204 });
    return NextResponse.json(result, { status: op.success.status, headers: { 'cache-control': 'no-store' } });
  });
}
