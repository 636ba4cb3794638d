import http from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { HttpExchangeObservation, TlsHandshake } from './observations';
import { describeHandshake, openTls } from './open-tls';
import { connectTcp } from './socket-io';

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

const maxBody = 8 * 1024;

/**
 * One HTTP/1.1 request over a connection opened by connectTcp (and openTls), so every request of every engine
 * probe dials through the same place. The body is capped; the request is bounded by the connect timeout.
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
  return new Promise((resolve) => {
    let settled = false;
    const finish = (o: HttpExchangeObservation) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      conn.destroy();
      resolve({ ...o, handshake });
    };
    const fail = (e: Error) => finish({ status: null, headers: {}, body: null, error: e.message });
    const onAbort = () => fail(new Error('aborted'));
    input.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => fail(new Error(`no HTTP answer within ${input.connectTimeoutMs} ms`)), input.connectTimeoutMs);
    const body = input.body ?? null;
    const req = http.request({
      createConnection: () => conn,
      method: input.method,
      path: input.path,
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
      const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const done = () => finish({ status: res.statusCode ?? null, headers, body: Buffer.concat(chunks).toString('utf8').slice(0, maxBody), error: null });
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= maxBody) chunks.push(c);
        else done();
      });
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    req.end(body ?? undefined);
  });
}
