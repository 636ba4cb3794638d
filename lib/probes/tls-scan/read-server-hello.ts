import type { ExactReader } from '../exact-reader';

/** What a server answered one ClientHello with. */
export type ServerAnswer =
  | {
      kind: 'hello';
      /** the version it chose (supported_versions for TLS 1.3) */
      version: number;
      cipher: number;
      /** 1: DEFLATE, 0: none */
      compression: number;
      /** TLS 1.3's HelloRetryRequest: the server asked for a key share in `group` */
      retry: boolean;
      /** the key-exchange group: TLS 1.3's key_share, or TLS 1.2's ServerKeyExchange when it was read */
      group: number | null;
      /** it sent renegotiation_info (RFC 5746 secure renegotiation) */
      secureRenegotiation: boolean;
      alpn: string | null;
      /** TLS 1.2's DHE ServerKeyExchange: the size of the server's prime, when one was read */
      dhPrimeBits: number | null;
    }
  | { kind: 'alert'; description: number }
  | { kind: 'other'; detail: string };

const HRR_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');
/** A ServerHello, a certificate chain and a key exchange fit well within this; a server that sends more is cut off. */
const MAX_HANDSHAKE_BYTES = 64 * 1024;
const MAX_RECORD_BYTES = 16_384 + 2_048;

class Cursor {
  constructor(
    private readonly b: Buffer,
    private at = 0,
  ) {}
  get left() {
    return this.b.length - this.at;
  }
  take(n: number): Buffer {
    if (n > this.left) throw new Error('truncated');
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  u8 = () => this.take(1)[0]!;
  u16 = () => this.take(2).readUInt16BE(0);
  u24 = () => this.take(3).readUIntBE(0, 3);
}

function parseServerHello(body: Buffer): Extract<ServerAnswer, { kind: 'hello' }> {
  const c = new Cursor(body);
  let version = c.u16();
  const retry = c.take(32).equals(HRR_RANDOM);
  c.take(c.u8());
  const cipher = c.u16();
  const compression = c.u8();
  let group: number | null = null;
  let secureRenegotiation = false;
  let alpn: string | null = null;
  if (c.left >= 2) {
    const exts = new Cursor(c.take(c.u16()));
    while (exts.left >= 4) {
      const type = exts.u16();
      const data = new Cursor(exts.take(exts.u16()));
      if (type === 0x002b && data.left >= 2) version = data.u16();
      else if (type === 0x0033 && data.left >= 2) group = data.u16();
      else if (type === 0xff01) secureRenegotiation = true;
      else if (type === 0x0010 && data.left >= 3) {
        data.u16();
        alpn = data.take(data.u8()).toString('latin1');
      }
    }
  }
  return { kind: 'hello', version, cipher, compression, retry, group, secureRenegotiation, alpn, dhPrimeBits: null };
}

/** TLS 1.2's ECDHE ServerKeyExchange names its curve (curve_type 3, named_curve); anything else names none. */
function groupOfKeyExchange(body: Buffer): number | null {
  return body[0] === 3 && body.length >= 3 ? body.readUInt16BE(1) : null;
}

/** A DHE ServerKeyExchange starts with dh_p: its length in bytes, then the prime, big-endian. */
export function dhPrimeBitsOf(body: Buffer): number | null {
  if (body.length < 3) return null;
  const bytes = body.readUInt16BE(0);
  let at = 2;
  // leading zero bytes do not count towards the prime's size
  while (at < 2 + bytes && at < body.length && body[at] === 0) at++;
  if (at >= body.length || at >= 2 + bytes) return null;
  return (2 + bytes - at - 1) * 8 + (32 - Math.clz32(body[at]!));
}

/**
 * Reads the server's answer to a ClientHello: its ServerHello (and, when `keyExchange` is asked for on TLS 1.2, its
 * ServerKeyExchange), or an alert. Bounded in bytes and by the reader's timeout; the caller closes the socket.
 */
export async function readServerHello(reader: ExactReader, timeoutMs: number, opts: { keyExchange?: boolean | 'dhe' } = {}): Promise<ServerAnswer> {
  let handshake = Buffer.alloc(0);
  let hello: Extract<ServerAnswer, { kind: 'hello' }> | null = null;
  while (handshake.length <= MAX_HANDSHAKE_BYTES) {
    let header: Buffer;
    try {
      header = await reader.read(5, timeoutMs);
    } catch (e) {
      if ((e as { code?: string }).code === 'ECLOSED') return hello ?? { kind: 'other', detail: 'the server closed the connection' };
      throw e;
    }
    const [type, major] = [header[0]!, header[1]!];
    const length = header.readUInt16BE(3);
    if (major !== 3 || length > MAX_RECORD_BYTES) return hello ?? { kind: 'other', detail: `not a TLS record (type ${type}, version ${major})` };
    const fragment = await reader.read(length, timeoutMs);
    if (type === 21) return hello ?? { kind: 'alert', description: fragment[1] ?? 0 };
    if (type !== 22) return hello ?? { kind: 'other', detail: `record type ${type} before ServerHello` };
    handshake = Buffer.concat([handshake, fragment]);
    // take whole handshake messages off the front
    while (handshake.length >= 4) {
      const msgLength = handshake.readUIntBE(1, 3);
      if (handshake.length < 4 + msgLength) break;
      const msgType = handshake[0]!;
      const body = handshake.subarray(4, 4 + msgLength);
      handshake = handshake.subarray(4 + msgLength);
      if (msgType === 2) {
        hello = parseServerHello(body);
        // TLS 1.3 encrypts the rest; TLS 1.2 only goes on when the key exchange is wanted
        if (!opts.keyExchange || hello.retry || hello.version >= 0x0304) return hello;
      } else if (msgType === 12 && hello) {
        return opts.keyExchange === 'dhe' ? { ...hello, dhPrimeBits: dhPrimeBitsOf(body) } : { ...hello, group: groupOfKeyExchange(body) };
      } else if (msgType === 14 && hello) {
        return hello;
      }
    }
  }
  return hello ?? { kind: 'other', detail: 'the handshake grew past 64 KiB before a ServerHello' };
}
