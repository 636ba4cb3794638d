import type { Duplex } from 'node:stream';
import { ExactReader } from './exact-reader';
import { respReply, type RespValue } from './resp-decoder';
import { decodeBuffer } from './wire-decoder';

export type { RespValue } from './resp-decoder';

const CRLF = '\r\n';

/** Encodes one command as a RESP array of bulk strings, the form every Redis version accepts. */
export function encodeCommand(args: string[]): Buffer {
  return Buffer.from(`*${args.length}${CRLF}${args.map((a) => `$${Buffer.byteLength(a)}${CRLF}${a}${CRLF}`).join('')}`);
}

/** Parses one RESP2 value at `at`; null when the buffer does not hold all of it yet; throws past a cap. */
export function parseResp(buf: Buffer, at = 0): { value: RespValue; next: number } | null {
  return decodeBuffer(respReply(), buf, at);
}

/** One request at a time over a Redis connection (plain or TLS), each reply bounded by a timeout. */
export class RespConnection {
  private readonly reader: ExactReader;

  constructor(private readonly stream: Duplex) {
    this.reader = new ExactReader(stream);
  }

  command(args: string[], timeoutMs: number): Promise<RespValue> {
    this.stream.write(encodeCommand(args));
    return this.reader.decode(respReply(), timeoutMs, `reply to ${args[0]}`);
  }

  close(): void {
    this.stream.destroy();
  }
}

export const isRespError = (v: RespValue): v is { error: string } => typeof v === 'object' && v !== null && !Array.isArray(v);
