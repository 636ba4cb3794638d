import http from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { HttpExchangeObservation, TlsHandshake } from './observations/transport';
import { formatBytes, HTTP_MAX_BODY_BYTES, HTTP_MAX_HEADER_BYTES } from './byte-limits';
import { describeHandshake, openTls } from './open-tls';
import { connectTcp } from './socket-io';
import { WireLimitError } from './wire-limit-error';

export interface HttpExchangeInput {
  host: string;
  port: number;
  /** false: plain HTTP on the port */
  tls: boolean;
  clientCert?: { certPem: string; keyPem: string } | null;
  method: 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

/** How much of a body is kept as evidence; more (up to HTTP_MAX_BODY_BYTES) is read and dropped. */
const keptBody = 8 * 1024;

const headerOverflow = () =>
  new WireLimitError(`the server sent more than ${formatBytes(HTTP_MAX_HEADER_BYTES)} of HTTP headers; Posture reads at most ${formatBytes(HTTP_MAX_HEADER_BYTES)}`);

/**
 * One HTTP/1.1 request over a connection opened by connectTcp (and openTls), so every request of every engine
 * probe dials through the same place. The request is bounded by the connect timeout; headers and body are capped
 * (byte-limits.ts), and a server past a cap rejects the exchange with a WireLimitError, so the probe reports it.
 */
export async function httpExchange(input: HttpExchangeInput): Promise<HttpExchangeObservation & { handshake: TlsHandshake | null }> {
  let socket: Socket | TLSSocket;
  let handshake: TlsHandshake | null = null;
  try {
    if (input.tls) {
      const s = await openTls({ host: input.host, port: input.port, connectTimeoutMs: input.connectTimeoutMs, signal: input.signal, clientCert: input.clientCert });
      handshake = describeHandshake(s);
      socket = s;
    } else socket = await connectTcp(input.host, input.port, input.connectTimeoutMs, input.signal);
  } catch (e) {
    return { status: null, headers: {}, body: null, error: e instanceof Error ? e.message : String(e), handshake };
  }
  const conn = socket;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      conn.destroy();
      return true;
    };
    const finish = (o: HttpExchangeObservation) => {
      if (settle()) resolve({ ...o, handshake });
    };
    const fail = (e: Error) => {
      const limit = e instanceof WireLimitError ? e : (e as { code?: string }).code === 'HPE_HEADER_OVERFLOW' ? headerOverflow() : null;
      if (!limit) finish({ status: null, headers: {}, body: null, error: e.message });
      else if (settle()) reject(limit);
    };
    const onAbort = () => fail(new Error('aborted'));
    input.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => fail(new Error(`no HTTP answer within ${input.connectTimeoutMs} ms`)), input.connectTimeoutMs);
    const body = input.body ?? null;
    const req = http.request({
      createConnection: () => conn,
      method: input.method,
      path: input.path,
      maxHeaderSize: HTTP_MAX_HEADER_BYTES,
      insecureHTTPParser: false,
      headers: {
        host: `${input.host.includes(':') ? `[${input.host}]` : input.host}:${input.port}`,
        connection: 'close',
        'user-agent': 'posture-probe',
        ...(body !== null ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        ...input.headers,
      },
    });
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let kept = 0;
      const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const done = () => finish({ status: res.statusCode ?? null, headers, body: Buffer.concat(chunks).toString('utf8').slice(0, keptBody), error: null });
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > HTTP_MAX_BODY_BYTES) {
          const max = formatBytes(HTTP_MAX_BODY_BYTES);
          return fail(new WireLimitError(`the server sent more than ${max} of HTTP body to ${input.method} ${input.path}; Posture reads at most ${max}`));
        }
        if (kept < keptBody) {
          chunks.push(c);
          kept += c.length;
        }
      });
      res.on('end', done);
      res.on('error', (e) => (e instanceof WireLimitError ? fail(e) : done()));
      res.on('close', done);
    });
    req.end(body ?? undefined);
  });
}
