import path from 'node:path';
import { NextRequest } from 'next/server';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface RouteCall {
  method: string;
  /** a path template as in the OpenAPI document, e.g. /api/v1/databases/{id} */
  template: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  token?: string;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string */
  body?: unknown;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Calls the real route handler module for a path template, as Next would: a NextRequest and promised params. */
export async function callRoute(call: RouteCall): Promise<Response> {
  const file = path.join(root, 'app', call.template.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts');
  const mod = (await import(file)) as Record<string, Handler | undefined>;
  const handler = mod[call.method.toUpperCase()];
  if (!handler) throw new Error(`${file} exports no ${call.method.toUpperCase()}`);
  const params = call.params ?? {};
  const url = new URL(`http://posture.test${call.template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''))}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(call.headers);
  if (call.token !== undefined) headers.set('authorization', `Bearer ${call.token}`);
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    if (!headers.has('content-type')) headers.set('content-type', typeof call.body === 'string' ? 'application/yaml' : 'application/json');
    headers.set('content-length', String(Buffer.byteLength(body)));
  }
  const req = new NextRequest(url, { method: call.method.toUpperCase(), headers, body });
  return handler(req, { params: Promise.resolve(params) });
}
