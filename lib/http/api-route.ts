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

/** The largest JSON body any operation takes (a CA bundle is at most 64 KiB; the YAML import has its own limit). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const tooLarge = () => new AppError('bad_request', 'The request body is too large', [{ path: '(body)', message: `is larger than ${MAX_JSON_BODY_BYTES / 1024} KiB` }]);

/** The body as text, read no further than the limit: a client cannot make the process buffer more than that. */
async function readBoundedText(req: NextRequest): Promise<string> {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_JSON_BODY_BYTES) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The first string in a JSON value that holds a NUL character, as a field path; PostgreSQL text cannot store one. */
function nulPath(value: unknown, at: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = nulPath(value[i], `${at}.${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return at || '(body)';
      const hit = nulPath(v, at ? `${at}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

/** Reads a JSON body, at most 1 MiB; malformed JSON or a NUL character in a string is bad input, not a server error. */
export async function readJson(req: NextRequest): Promise<unknown> {
  const text = await readBoundedText(req);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body must be valid JSON', [{ path: '(body)', message: 'is not valid JSON' }]);
  }
  const nul = nulPath(value, '');
  if (nul !== null) throw new AppError('bad_request', 'Invalid input', [{ path: nul.replace(/^\./, '') || '(body)', message: 'must not contain NUL characters' }]);
  return value;
}
