import net from 'node:net';
import { listenOnLowPort } from './listen-low-port';

export interface ProxiedConnection {
  /** every byte the client sent towards the server, in order */
  clientToServer: Buffer[];
  /** every byte the server sent back, in order */
  serverToClient: Buffer[];
  acceptedAt: number;
}

export interface TcpProxy {
  port: number;
  connections: ProxiedConnection[];
  /** sockets still open on either side: 0 once every proxied connection has ended */
  openSockets: () => number;
  /** changes the hold for connections accepted from now on */
  setDelayMs: (ms: number) => void;
  stop: () => Promise<void>;
}

/**
 * A loopback TCP proxy in front of `upstreamPort` that records both directions of every connection. With
 * `delayMs`, each new connection is held that long before the upstream is dialled (client bytes wait in the
 * socket), so the server answers every connection `delayMs` late: a slow target.
 */
export async function startTcpProxy(opts: { upstreamPort: number; upstreamHost?: string; delayMs?: number; capture?: boolean }): Promise<TcpProxy> {
  const connections: ProxiedConnection[] = [];
  let delayMs = opts.delayMs ?? 0;
  const open = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    open.add(s);
    s.once('close', () => open.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    const conn: ProxiedConnection = { clientToServer: [], serverToClient: [], acceptedAt: Date.now() };
    if (opts.capture !== false) connections.push(conn);
    client.pause();
    const pending: Buffer[] = [];
    client.on('data', (b: Buffer) => {
      conn.clientToServer.push(Buffer.from(b));
      pending.push(b);
    });
    let upstream: net.Socket | null = null;
    const timer = setTimeout(() => {
      if (client.destroyed) return;
      upstream = net.connect({ host: opts.upstreamHost ?? '127.0.0.1', port: opts.upstreamPort });
      track(upstream);
      upstream.on('connect', () => {
        for (const b of pending.splice(0)) upstream!.write(b);
        client.removeAllListeners('data');
        client.on('data', (b: Buffer) => {
          conn.clientToServer.push(Buffer.from(b));
          upstream!.write(b);
        });
      });
      upstream.on('data', (b: Buffer) => {
        conn.serverToClient.push(Buffer.from(b));
        client.write(b);
      });
      upstream.on('close', () => client.destroy());
      client.resume();
    }, delayMs);
    client.once('close', () => {
      clearTimeout(timer);
      upstream?.destroy();
    });
    // Buffer what arrives while the upstream is not there yet; it is flushed on connect.
    if (!delayMs) client.resume();
  });
  await listenOnLowPort(server);
  return {
    port: (server.address() as net.AddressInfo).port,
    connections,
    openSockets: () => open.size,
    setDelayMs: (ms) => {
      delayMs = ms;
    },
    stop: () =>
      new Promise<void>((r) => {
        for (const s of open) s.destroy();
        server.close(() => r());
      }),
  };
}
