import net from 'node:net';
import tls from 'node:tls';
import type { PemPair } from '../../scripts/lab/lab-certificates';
import { reservePorts } from '../../scripts/lab/reserve-ports';

const SSL_REQUEST = 80877103;

/**
 * A man in the middle for PostgreSQL: it terminates the client's TLS with its own certificate, opens its own TLS
 * session to the real server, and relays the decrypted bytes both ways, as a stolen or mis-issued certificate allows.
 */
export async function startPgTlsRelay(opts: { upstreamPort: number; cert: PemPair }): Promise<{ port: number; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const track = <T extends net.Socket>(s: T) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
    return s;
  };
  const server = net.createServer((raw) => {
    track(raw);
    raw.once('data', (first: Buffer) => {
      if (first.length < 8 || first.readInt32BE(4) !== SSL_REQUEST) return raw.destroy();
      raw.write('S');
      const client = track(new tls.TLSSocket(raw, { isServer: true, cert: opts.cert.certPem, key: opts.cert.keyPem }));
      const up = track(net.connect(opts.upstreamPort, '127.0.0.1'));
      up.once('connect', () => {
        const request = Buffer.alloc(8);
        request.writeInt32BE(8, 0);
        request.writeInt32BE(SSL_REQUEST, 4);
        up.write(request);
        up.once('data', (answer: Buffer) => {
          if (answer[0] !== 0x53) return client.destroy();
          const upstream = track(tls.connect({ socket: up, rejectUnauthorized: false }));
          client.pipe(upstream).pipe(client);
          client.on('close', () => upstream.destroy());
          upstream.on('close', () => client.destroy());
        });
      });
    });
  });
  const port = (await reservePorts(1))[0]!;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
