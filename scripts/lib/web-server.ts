import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { peerAddressHeader } from '../../lib/auth/peer-address-header';

export interface WebServer {
  port: number;
  /** stops accepting, gives requests in flight 2 s to finish, then closes Next */
  close(): Promise<void>;
}

/**
 * Posture's production web server: Next's request handler behind a Node http server that tells the app the
 * socket's peer. Next's route handlers cannot see the socket, and its x-forwarded-for keeps whatever the client
 * sent, so every request gets the internal header set from the socket here, any copy the client sent dropped.
 */
export async function startWebServer(opts: { dir: string; hostname?: string; port: number }): Promise<WebServer> {
  Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
  peerAddressHeader.markSetByServer();
  const { default: next } = await import('next');
  const server = http.createServer();
  const app = next({ dev: false, dir: opts.dir, hostname: opts.hostname ?? 'localhost', port: opts.port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    delete req.headers[peerAddressHeader.name];
    if (req.socket.remoteAddress) req.headers[peerAddressHeader.name] = req.socket.remoteAddress;
    handle(req, res).catch((e: unknown) => {
      console.error('[web] request failed:', e instanceof Error ? e.message : 'unknown error');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.hostname, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      // close() alone waits for every keep-alive connection a browser holds open; idle ones go now, the rest in 2 s.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), 2_000);
      await closed;
      clearTimeout(cut);
      await app.close();
    },
  };
}
