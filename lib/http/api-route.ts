import { NextResponse, type NextRequest } from 'next/server';
import { AppError } from '../errors/app-error';
import { toAppError } from '../errors/to-app-error';
import { errorStatus } from './error-status';

type Handler<P> = (req: NextRequest, params: P) => Promise<Response>;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cookie-authenticated writes must come from our own origin; browsers always send Origin on cross-site POSTs. */
function assertSameOrigin(req: NextRequest) {
  if (!MUTATING.has(req.method)) return;
  const origin = req.headers.get('origin');
  if (!origin) return;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (new URL(origin).host !== host) throw new AppError('forbidden', 'Cross-origin request refused');
}

export function errorResponse(e: unknown): NextResponse {
  const err = toAppError(e);
  if (err.code === 'internal') console.error('[api] unexpected error:', e instanceof Error ? e.message : 'unknown');
  const body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
  const headers = err.retryAfterSeconds !== undefined ? { 'retry-after': String(Math.max(1, Math.ceil(err.retryAfterSeconds))) } : undefined;
  return NextResponse.json(body, { status: errorStatus[err.code], headers });
}

/** The single wrapper every route handler goes through: one error envelope, no stack traces, never a 500 for bad input. */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(handler: Handler<P>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      assertSameOrigin(req);
      return await handler(req, await ctx.params);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Reads a JSON body; malformed JSON is bad input, not a server error. */
export async function readJson(req: NextRequest): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError('bad_request', 'The request body must be valid JSON', [{ path: '(body)', message: 'is not valid JSON' }]);
  }
}
