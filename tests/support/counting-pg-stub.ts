import net from 'node:net';
import { listenOnLowPort } from './listen-low-port';

export interface CountingPgStub {
  port: number;
  /** SSLRequests received: a scan sends exactly one to a server that answers 'N' (the main TLS handshake probe) */
  sslRequests: () => number;
  stop: () => Promise<void>;
}

const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/** ErrorResponse 28000, as pg_hba.conf answers a connection it rejects before authentication. */
function hbaReject(): Buffer {
  const fields = Buffer.concat([Buffer.from('SFATAL\0'), Buffer.from('C28000\0'), Buffer.from('Mno pg_hba.conf entry (stub)\0'), Buffer.from('\0')]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

/**
 * A tiny PostgreSQL look-alike that says 'N' to SSLRequest and rejects every StartupMessage, counting the
 * SSLRequests: a cheap, exact "how many times was this target scanned" for the scheduling tests.
 */
export async function startCountingPgStub(): Promise<CountingPgStub> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
    let buf = Buffer.alloc(0);
    s.on('data', (b: Buffer) => {
      buf = Buffer.concat([buf, b]);
      if (buf.length >= 8 && buf.subarray(0, 8).equals(SSL_REQUEST)) {
        count++;
        buf = buf.subarray(8);
        s.write('N');
      }
      if (buf.length >= 8) s.end(hbaReject());
    });
  });
  await listenOnLowPort(server);
  return {
    port: (server.address() as net.AddressInfo).port,
    sslRequests: () => count,
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
