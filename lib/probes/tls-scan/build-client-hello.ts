import { randomBytes } from 'node:crypto';
import net from 'node:net';

export interface ClientHelloInput {
  /** the highest version offered, by wire value (0x0300 SSLv3 … 0x0304 TLS 1.3) */
  version: number;
  cipherCodes: readonly number[];
  groupCodes: readonly number[];
  /** SNI; left out for an address */
  serverName?: string | null;
  /** offer DEFLATE (method 1) before null, to learn whether the server would compress */
  offerCompression?: boolean;
  /** ALPN protocols, e.g. ['postgresql'] for PostgreSQL's direct TLS */
  alpn?: readonly string[];
}

const u8 = (n: number) => Buffer.from([n & 0xff]);
const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u24 = (n: number) => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
const vec16 = (b: Buffer) => Buffer.concat([u16(b.length), b]);
const vec8 = (b: Buffer) => Buffer.concat([u8(b.length), b]);
const ext = (type: number, body: Buffer) => Buffer.concat([u16(type), vec16(body)]);

// Every signature scheme a server might need to sign with, so none is refused for want of one.
const signatureSchemes = [0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0807, 0x0808, 0x0809, 0x080a, 0x080b, 0x0401, 0x0501, 0x0601, 0x0303, 0x0203, 0x0201, 0x0402, 0x0502, 0x0602];

/**
 * One ClientHello record, for learning what a server accepts: its answer (ServerHello or an alert) is all a scan
 * reads. TLS 1.3 is offered with an empty key_share, so the server names its group in a HelloRetryRequest.
 */
export function buildClientHello(input: ClientHelloInput): Buffer {
  const tls13 = input.version >= 0x0304;
  const legacyVersion = tls13 ? 0x0303 : input.version;
  const extensions: Buffer[] = [];
  if (input.version >= 0x0301) {
    if (input.serverName && !net.isIP(input.serverName)) {
      const name = Buffer.from(input.serverName, 'ascii');
      extensions.push(ext(0x0000, vec16(Buffer.concat([u8(0), vec16(name)]))));
    }
    extensions.push(ext(0x000a, vec16(Buffer.concat(input.groupCodes.map(u16)))));
    extensions.push(ext(0x000b, vec8(u8(0))));
    extensions.push(ext(0x000d, vec16(Buffer.concat(signatureSchemes.map(u16)))));
    if (input.alpn?.length) extensions.push(ext(0x0010, vec16(Buffer.concat(input.alpn.map((p) => vec8(Buffer.from(p, 'ascii')))))));
    if (tls13) {
      extensions.push(ext(0x002b, vec8(u16(0x0304))));
      extensions.push(ext(0x0033, vec16(Buffer.alloc(0))));
    } else {
      extensions.push(ext(0xff01, vec8(Buffer.alloc(0))));
    }
  }
  const body = Buffer.concat([
    u16(legacyVersion),
    randomBytes(32),
    // a 32-byte session id for TLS 1.3's middlebox compatibility; none before
    tls13 ? vec8(randomBytes(32)) : vec8(Buffer.alloc(0)),
    vec16(Buffer.concat(input.cipherCodes.map(u16))),
    vec8(Buffer.from(input.offerCompression ? [1, 0] : [0])),
    ...(extensions.length ? [vec16(Buffer.concat(extensions))] : []),
  ]);
  const handshake = Buffer.concat([u8(1), u24(body.length), body]);
  // record layer version: TLS 1.0 for every TLS hello (what servers expect), SSLv3 for an SSLv3 one
  return Buffer.concat([u8(0x16), u16(input.version === 0x0300 ? 0x0300 : 0x0301), u16(handshake.length), handshake]);
}
