import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WorkerHealthServer {
  port: number;
  close: () => Promise<void>;
}

export interface WorkerHealthOptions {
  port: number;
  host?: string;
  /** false once the job loop has stopped or failed: the process is alive but no longer working */
  isRunning: () => boolean;
  /** one round trip to the store; rejects when it cannot be reached */
  pingStore: () => Promise<void>;
  storeTimeoutMs?: number;
}

const json = (res: http.ServerResponse, status: number, body: object) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * The worker has no web routes, so kubelet probes get their own tiny server. Liveness asks only whether the
 * job loop runs (a store outage must not restart every worker); readiness also needs the store to answer.
 */
export async function startWorkerHealthServer(opts: WorkerHealthOptions): Promise<WorkerHealthServer> {
  const timeoutMs = opts.storeTimeoutMs ?? 2_000;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz/live' && path !== '/healthz/ready') return json(res, 404, { error: { code: 'not_found', message: 'Not found' } });
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: { code: 'method_not_allowed', message: 'Use GET' } });
    if (!opts.isRunning()) return json(res, 503, { status: 'stopped' });
    if (path === '/healthz/live') return json(res, 200, { status: 'ok' });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)));
    // The reason stays in the worker's own log; the probe answer says only whether the store answered.
    Promise.race([opts.pingStore(), deadline])
      .then(() => json(res, 200, { status: 'ok' }))
      .catch((e: unknown) => {
        console.warn('[worker] readiness: the store did not answer:', e instanceof Error ? e.message : 'unknown error');
        json(res, 503, { status: 'store unreachable' });
      })
      .finally(() => clearTimeout(timer));
  });
  server.requestTimeout = timeoutMs + 3_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
