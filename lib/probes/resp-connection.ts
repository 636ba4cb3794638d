import type { Duplex } from 'node:stream';
import { ExactReader } from './socket-io';

export type RespValue = string | number | null | { error: string } | RespValue[];

const CRLF = '\r\n';

/** Encodes one command as a RESP array of bulk strings, the form every Redis version accepts. */
export function encodeCommand(args: string[]): Buffer {
  return Buffer.from(`*${args.length}${CRLF}${args.map((a) => `$${Buffer.byteLength(a)}${CRLF}${a}${CRLF}`).join('')}`);
}

/** Parses one RESP2 value at `at`; null when the buffer does not hold all of it yet. */
export function parseResp(buf: Buffer, at = 0): { value: RespValue; next: number } | null {
  const eol = buf.indexOf(CRLF, at);
  if (eol < 0) return null;
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, eol);
  const after = eol + 2;
  switch (type) {
    case '+':
      return { value: line, next: after };
    case '-':
      return { value: { error: line }, next: after };
    case ':':
      return { value: Number(line), next: after };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      if (buf.length < after + n + 2) return null;
      return { value: buf.toString('utf8', after, after + n), next: after + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      const items: RespValue[] = [];
      let pos = after;
      for (let i = 0; i < n; i++) {
        const item = parseResp(buf, pos);
        if (!item) return null;
        items.push(item.value);
        pos = item.next;
      }
      return { value: items, next: pos };
    }
    default:
      throw new Error(`not a RESP reply (first byte 0x${buf[at]!.toString(16)})`);
  }
}

/** One request at a time over a Redis connection (plain or TLS), each reply bounded by a timeout. */
export class RespConnection {
  private readonly reader: ExactReader;

  constructor(private readonly stream: Duplex) {
    this.reader = new ExactReader(stream);
  }

  command(args: string[], timeoutMs: number): Promise<RespValue> {
    this.stream.write(encodeCommand(args));
    return this.reader.readFrame((buf) => (buf.length ? parseResp(buf) : null), timeoutMs, `reply to ${args[0]}`);
  }

  close(): void {
    this.stream.destroy();
  }
}

export const isRespError = (v: RespValue): v is { error: string } => typeof v === 'object' && v !== null && !Array.isArray(v);
