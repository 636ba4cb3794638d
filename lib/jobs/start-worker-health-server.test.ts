import { afterEach, describe, expect, it } from 'vitest';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { startWorkerHealthServer, type WorkerHealthServer } from './start-worker-health-server';

let server: WorkerHealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(state: { running: boolean; ping: () => Promise<void> }) {
  server = await startWorkerHealthServer({ port: (await reservePorts(1))[0]!, host: '127.0.0.1', isRunning: () => state.running, pingStore: () => state.ping(), storeTimeoutMs: 300 });
  return (path: string, method = 'GET') => fetch(`http://127.0.0.1:${server!.port}${path}`, { method }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

describe('worker health server', () => {
  it('live and ready answer 200 while the job loop runs and the store answers', async () => {
    const get = await start({ running: true, ping: async () => {} });
    expect(await get('/healthz/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/healthz/ready')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('a store outage makes the worker unready but keeps it live, and the reason is not in the answer', async () => {
    const get = await start({ running: true, ping: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')) });
    expect(await get('/healthz/live')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await get('/healthz/ready');
    expect(ready).toEqual({ status: 503, body: { status: 'store unreachable' } });
    expect(JSON.stringify(ready)).not.toContain('hunter2');
  });

  it('a store that hangs is unready within the timeout', async () => {
    const get = await start({ running: true, ping: () => new Promise(() => {}) });
    const started = Date.now();
    expect((await get('/healthz/ready')).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a stopped job loop fails liveness, so the kubelet restarts the pod', async () => {
    const state = { running: true, ping: async () => {} };
    const get = await start(state);
    state.running = false;
    expect(await get('/healthz/live')).toEqual({ status: 503, body: { status: 'stopped' } });
    expect((await get('/healthz/ready')).status).toBe(503);
  });

  it('other paths are 404 and other methods 405', async () => {
    const get = await start({ running: true, ping: async () => {} });
    expect((await get('/metrics')).status).toBe(404);
    expect((await get('/healthz/live', 'POST')).status).toBe(405);
  });
});
