import net from 'node:net';
import tls from 'node:tls';
import type { PemPair } from '../../scripts/lab/lab-certificates';
import { reservePorts } from '../../scripts/lab/reserve-ports';

/**
 * A server an attacker would run to collect passwords: it speaks just enough Redis or PostgreSQL over TLS (with
 * whatever certificate it is given) to make a client log in, and records every byte it receives, decrypted.
 */
export interface CredentialTrap {
  port: number;
  /** every byte received after the TLS handshake, per connection, decrypted */
  received: () => Buffer;
  /** connections that began TLS (a ClientHello arrived on them) */
  tlsConnections: () => number;
  stop: () => Promise<void>;
}

const resp = (s: string) => Buffer.from(`${s}\r\n`);

/** Redis: every command but AUTH gets -NOAUTH, AUTH gets +OK, as a password-protected server answers. */
function redisSession(s: tls.TLSSocket, log: (b: Buffer) => void) {
  s.on('data', (b: Buffer) => {
    log(b);
    s.write(b.includes(Buffer.from('AUTH')) ? resp('+OK') : resp('-NOAUTH Authentication required.'));
  });
}

/** PostgreSQL after TLS: any StartupMessage is answered with AuthenticationCleartextPassword, the worst a server can ask. */
function postgresSession(s: tls.TLSSocket, log: (b: Buffer) => void) {
  let asked = false;
  s.on('data', (b: Buffer) => {
    log(b);
    if (asked) return;
    asked = true;
    const auth = Buffer.alloc(9);
    auth.write('R', 0);
    auth.writeInt32BE(8, 1);
    auth.writeInt32BE(3, 5);
    s.write(auth);
  });
}

export async function startCredentialTrap(opts: { protocol: 'redis' | 'postgres'; cert: PemPair; port?: number }): Promise<CredentialTrap> {
  const chunks: Buffer[] = [];
  let tlsConnections = 0;
  const sockets = new Set<net.Socket>();
  const secure = (raw: net.Socket) => {
    tlsConnections++;
    const s = new tls.TLSSocket(raw, { isServer: true, cert: opts.cert.certPem, key: opts.cert.keyPem });
    s.on('error', () => s.destroy());
    (opts.protocol === 'redis' ? redisSession : postgresSession)(s, (b) => chunks.push(b));
  };
  const server = net.createServer((raw) => {
    sockets.add(raw);
    raw.on('close', () => sockets.delete(raw));
    raw.on('error', () => raw.destroy());
    if (opts.protocol === 'redis') return secure(raw);
    // PostgreSQL: answer the 8-byte SSLRequest with 'S', then switch to TLS on the same socket.
    raw.once('data', (first: Buffer) => {
      if (first.length >= 8 && first.readInt32BE(4) === 80877103) {
        raw.write('S');
        secure(raw);
      } else raw.destroy();
    });
  });
  const port = opts.port ?? (await reservePorts(1))[0]!;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    received: () => Buffer.concat(chunks),
    tlsConnections: () => tlsConnections,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
