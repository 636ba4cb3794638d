import net from 'node:net';
import tls from 'node:tls';
import type { PemPair } from '../../scripts/lab/lab-certificates';
import { listenOnLowPort } from './listen-low-port';

/** A loopback listener that misbehaves on purpose; `stop` ends its connections too. */
export interface HostileServer {
  port: number;
  stop: () => Promise<void>;
}

const SSL_REQUEST_CODE = 80877103;
const zeros = Buffer.alloc(64 * 1024);

/** Writes `chunk` for as long as the peer reads (like /dev/zero), never buffering more than TCP takes. */
function pump(s: net.Socket, chunk: Buffer | string = zeros): void {
  const more = () => {
    while (!s.destroyed && s.writable && s.write(chunk));
  };
  s.on('drain', more);
  more();
}

/** One byte of `text` per second, looping, for as long as the connection lasts. */
function trickle(s: net.Socket, text: string): void {
  let i = 0;
  const timer = setInterval(() => s.writable && s.write(text[i++ % text.length]!), 1_000);
  s.once('close', () => clearInterval(timer));
}

async function listen(make: (onSocket: (s: net.Socket) => void) => net.Server, onSocket: (s: net.Socket) => void): Promise<HostileServer> {
  const sockets = new Set<net.Socket>();
  const server = make((s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
    onSocket(s);
  });
  // A TLS client that gives up mid-handshake is not this server's business.
  server.on('tlsClientError', () => {});
  const port = await listenOnLowPort(server);
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const tcpServer = (onSocket: (s: net.Socket) => void) => listen((on) => net.createServer(on), onSocket);
const tlsServer = (cert: PemPair, onSocket: (s: net.Socket) => void) => listen((on) => tls.createServer({ cert: cert.certPem, key: cert.keyPem }, on), onSocket);

/** After the client's first bytes, `answer` (what a server would say to any request). */
const onFirstBytes = (answer: (s: net.Socket) => void) => (s: net.Socket) => s.once('data', () => answer(s));

function pgMessage(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** A one-column text RowDescription, then a DataRow header announcing `length` bytes. */
function rowThenHugeDataRow(length: number): Buffer {
  const field = Buffer.concat([Buffer.from('v\0'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 25, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0])]);
  const head = Buffer.alloc(5);
  head.write('D', 0, 'latin1');
  head.writeUInt32BE(length, 1);
  return Buffer.concat([pgMessage('T', Buffer.concat([Buffer.from([0, 1]), field])), head, Buffer.from([0, 1, 0x7f, 0xff, 0xff, 0xf0])]);
}

/** A one-column RowDescription, then one DataRow of `size` bytes of text, to be sent over and over. */
function rowDescriptionAndDataRow(size: number): { head: Buffer; row: Buffer } {
  const field = Buffer.concat([Buffer.from('v\0'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 25, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0])]);
  const value = Buffer.alloc(size, 'a');
  const body = Buffer.alloc(6);
  body.writeUInt16BE(1, 0);
  body.writeInt32BE(size, 2);
  return { head: pgMessage('T', Buffer.concat([Buffer.from([0, 1]), field])), row: pgMessage('D', Buffer.concat([body, value])) };
}

/**
 * A PostgreSQL look-alike: answers SSLRequest with S and completes a TLS handshake, then hands the TLS socket to
 * `afterTls`. A StartupMessage in clear gets `inClear` (by default the connection is closed).
 */
function pgServer(cert: PemPair, afterTls: (s: tls.TLSSocket) => void, inClear: (s: net.Socket) => void = (s) => s.destroy()) {
  const context = tls.createSecureContext({ cert: cert.certPem, key: cert.keyPem });
  return tcpServer((raw) => {
    raw.once('data', (first: Buffer) => {
      if (first.length < 8 || first.readInt32BE(4) !== SSL_REQUEST_CODE) return inClear(raw);
      raw.write('S');
      const s = new tls.TLSSocket(raw, { isServer: true, secureContext: context });
      s.on('error', () => s.destroy());
      s.once('secure', () => afterTls(s));
    });
  });
}

/** Logs any user in without a password (AuthenticationOk, ReadyForQuery), then answers each query with `onQuery`. */
function acceptLogin(onQuery: (s: tls.TLSSocket) => void) {
  return (s: tls.TLSSocket) => {
    let startup = true;
    s.on('data', () => {
      if (startup) {
        startup = false;
        s.write(Buffer.concat([pgMessage('R', Buffer.from([0, 0, 0, 0])), pgMessage('S', Buffer.from('server_version\x0016.4\0')), pgMessage('Z', Buffer.from('I'))]));
      } else onQuery(s);
    });
  };
}

export type HostileServerName =
  | 'zerosAfterAccept' | 'zerosAfterTls' | 'redisTlsZeros' | 'redisHugeBulk' | 'redisTrickle' | 'pgbackrestEndlessGreeting'
  | 'patroniEndlessHeaders' | 'etcdEndlessBody' | 'amqpHugeFrame' | 'pgHugeDataRow' | 'pgEndlessRows' | 'pgMalformedMessage';

/** Every hostile server of the wire-limit tests, each on its own port. */
export async function startHostileServers(cert: PemPair): Promise<Record<HostileServerName, HostileServer>> {
  const entries = await Promise.all(
    Object.entries({
      // /dev/zero on a port: no protocol at all
      zerosAfterAccept: () => tcpServer((s) => pump(s)),
      // a PostgreSQL that says S, shakes hands, then streams zeros inside TLS
      zerosAfterTls: () => pgServer(cert, (s) => pump(s), (s) => pump(s)),
      redisTlsZeros: () => tlsServer(cert, (s) => pump(s)),
      redisHugeBulk: () => tlsServer(cert, onFirstBytes((s) => {
        s.write('$2147483647\r\n');
        pump(s);
      })),
      redisTrickle: () => tlsServer(cert, onFirstBytes((s) => trickle(s, '+PONG and on and on'))),
      pgbackrestEndlessGreeting: () => tlsServer(cert, (s) => {
        s.write('{"name":"pgBackRest","service":"');
        pump(s, 'a'.repeat(16 * 1024));
      }),
      patroniEndlessHeaders: () => tlsServer(cert, onFirstBytes((s) => {
        s.write('HTTP/1.1 200 OK\r\n');
        pump(s, `X-Posture-Hostile: ${'a'.repeat(1000)}\r\n`);
      })),
      etcdEndlessBody: () => tlsServer(cert, onFirstBytes((s) => {
        s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"etcdserver":"');
        pump(s, 'a'.repeat(16 * 1024));
      })),
      // after the protocol header: a method frame announcing 2 GB, then zeros
      amqpHugeFrame: () => tlsServer(cert, onFirstBytes((s) => {
        s.write(Buffer.from([1, 0, 0, 0x7f, 0xff, 0xff, 0xff, 0, 10, 0, 10]));
        pump(s);
      })),
      // logs in, then answers the first query with a DataRow announcing 2 GB and streams it
      pgHugeDataRow: () => pgServer(cert, acceptLogin((s) => {
        s.write(rowThenHugeDataRow(0x7fffffff));
        pump(s);
      })),
      // well-formed, each row within the frame limit, but without end: only the probe's byte budget stops it
      pgEndlessRows: () => pgServer(cert, acceptLogin((s) => {
        const { head, row } = rowDescriptionAndDataRow(512 * 1024);
        s.write(head);
        pump(s, row);
      })),
      // an authentication request cut short: pg's parser reads past its buffer (a RangeError in a data handler)
      pgMalformedMessage: () => pgServer(cert, onFirstBytes((s) => s.write(pgMessage('R')))),
    }).map(async ([name, start]) => [name, await start()] as const),
  );
  return Object.fromEntries(entries) as Record<HostileServerName, HostileServer>;
}
