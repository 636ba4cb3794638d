import type { ProxiedConnection } from './tcp-proxy';

export interface PgClientStream {
  /** how the client's bytes travelled: nothing sent, TLS after SSLRequest or direct TLS, or PostgreSQL in plaintext */
  kind: 'empty' | 'tls' | 'plaintext';
  /** every byte the client sent outside TLS */
  plaintext: Buffer;
  /** frontend message types sent in plaintext after the StartupMessage ('p' carries a password, hash or SASL data) */
  plaintextMessages: string[];
}

const SSL_REQUEST = 80877103;
const PROTOCOL_3 = 196608;

/** True when `b` is a sequence of whole TLS records (content types 20–23, version 3.x), i.e. nothing readable. */
function isTlsRecords(b: Buffer): boolean {
  let i = 0;
  while (i + 5 <= b.length) {
    const type = b[i]!;
    if (type < 20 || type > 23 || b[i + 1] !== 3) return false;
    i += 5 + b.readUInt16BE(i + 3);
  }
  return i >= b.length;
}

/**
 * Reads one captured client→server stream the way a PostgreSQL server would: SSLRequest answered 'S' (or a
 * direct TLS ClientHello) means the rest must be TLS records; a StartupMessage means plaintext, whose
 * following messages are listed by type. Throws on anything it cannot account for, so nothing slips past.
 */
export function readPgClientStream(conn: ProxiedConnection): PgClientStream {
  const c = Buffer.concat(conn.clientToServer);
  const s = Buffer.concat(conn.serverToClient);
  if (c.length === 0) return { kind: 'empty', plaintext: c, plaintextMessages: [] };
  if (c[0] === 0x16) {
    if (!isTlsRecords(c)) throw new Error('a direct TLS stream carries non-TLS bytes');
    return { kind: 'tls', plaintext: Buffer.alloc(0), plaintextMessages: [] };
  }
  let at = 0;
  if (c.length >= 8 && c.readInt32BE(0) === 8 && c.readInt32BE(4) === SSL_REQUEST) {
    at = 8;
    if (s[0] === 0x53 /* S */) {
      if (!isTlsRecords(c.subarray(8))) throw new Error('bytes after an accepted SSLRequest are not TLS records');
      return { kind: 'tls', plaintext: c.subarray(0, 8), plaintextMessages: [] };
    }
  }
  const rest = c.subarray(at);
  if (rest.length === 0) return { kind: 'plaintext', plaintext: c, plaintextMessages: [] };
  if (rest.length < 8 || rest.readInt32BE(4) !== PROTOCOL_3) throw new Error(`unrecognised plaintext stream starting ${rest.subarray(0, 8).toString('hex')}`);
  const messages: string[] = [];
  let i = rest.readInt32BE(0);
  while (i + 5 <= rest.length) {
    messages.push(String.fromCharCode(rest[i]!));
    i += 1 + rest.readInt32BE(i + 1);
  }
  return { kind: 'plaintext', plaintext: c, plaintextMessages: messages };
}
