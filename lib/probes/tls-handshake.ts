import type net from 'node:net';
import tls, { type TLSSocket } from 'node:tls';
import { limitIncomingBytes } from './limit-incoming-bytes';

/**
 * Completes a TLS handshake over an already connected socket, bounded by `timeoutMs` and `signal`; what arrives
 * decrypted draws on the probe's byte budget (the raw socket no longer sees it). On failure both sockets are closed.
 */
export function tlsHandshake(raw: net.Socket, options: tls.ConnectionOptions, timeoutMs: number, signal?: AbortSignal): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ rejectUnauthorized: false, ...options, socket: raw });
    limitIncomingBytes(s);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const timer = setTimeout(() => {
      done();
      s.destroy();
      raw.destroy();
      reject(Object.assign(new Error(`TLS handshake timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    const onAbort = () => s.destroy(new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    s.once('secureConnect', () => {
      done();
      resolve(s);
    });
    s.once('error', (e) => {
      done();
      s.destroy();
      raw.destroy();
      reject(e);
    });
  });
}
