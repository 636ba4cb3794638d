import { formatBytes, RESP_MAX_ARRAY_ITEMS, RESP_MAX_BULK_BYTES, RESP_MAX_DEPTH, RESP_MAX_LINE_BYTES, RESP_MAX_REPLY_BYTES } from './byte-limits';
import type { WireDecoder } from './wire-decoder';
import { WireLimitError } from './wire-limit-error';

export type RespValue = string | number | null | { error: string } | RespValue[];

const TYPES = new Set(['+', '-', ':', '$', '*']);

/** What is left of one reply's byte allowance; every announced length is charged before a byte of it is awaited. */
function charge(left: { bytes: number }, n: number): void {
  left.bytes -= n;
  if (left.bytes < 0) throw new WireLimitError(`the server's RESP reply is over ${formatBytes(RESP_MAX_REPLY_BYTES)}; Posture reads at most ${formatBytes(RESP_MAX_REPLY_BYTES)} per reply`);
}

/** A bulk-string or array length: digits only (no "1e9", no spaces), -1 for null. */
function announcedLength(text: string, kind: string): number {
  if (!/^-?\d{1,18}$/.test(text)) throw new Error(`malformed RESP ${kind} length ${JSON.stringify(text.slice(0, 20))}`);
  return Number(text);
}

function* respValue(depth: number, left: { bytes: number }): WireDecoder<RespValue> {
  // The type byte first, so bytes that are not RESP (a TLS alert, zeros) are refused at once.
  const type = String.fromCharCode((yield { bytes: 1, what: 'RESP reply' })[0]!);
  if (!TYPES.has(type)) throw new Error(`not a RESP reply (first byte 0x${type.charCodeAt(0).toString(16)})`);
  const raw = yield { line: RESP_MAX_LINE_BYTES, what: 'RESP line' };
  charge(left, raw.length + 1);
  if (raw.length < 2 || raw[raw.length - 2] !== 0x0d) throw new Error('malformed RESP reply (a line not ended by CRLF)');
  const line = raw.toString('utf8', 0, raw.length - 2);
  switch (type) {
    case '+':
      return line;
    case '-':
      return { error: line };
    case ':':
      return Number(line);
    case '$': {
      const n = announcedLength(line, 'bulk string');
      if (n < 0) return null;
      if (n > RESP_MAX_BULK_BYTES) throw new WireLimitError(`the server sent a ${n}-byte RESP bulk string; Posture reads at most ${formatBytes(RESP_MAX_BULK_BYTES)}`);
      charge(left, n + 2);
      const data = yield { bytes: n + 2, what: 'RESP bulk string' };
      if (data[n] !== 0x0d || data[n + 1] !== 0x0a) throw new Error('malformed RESP bulk string (no CRLF after its bytes)');
      return data.toString('utf8', 0, n);
    }
    default: {
      const n = announcedLength(line, 'array');
      if (n < 0) return null;
      if (n > RESP_MAX_ARRAY_ITEMS) throw new WireLimitError(`the server sent a ${n}-element RESP array; Posture reads at most ${RESP_MAX_ARRAY_ITEMS}`);
      if (depth >= RESP_MAX_DEPTH) throw new WireLimitError(`the server nested RESP arrays over ${RESP_MAX_DEPTH} deep; Posture reads at most ${RESP_MAX_DEPTH}`);
      const items: RespValue[] = [];
      for (let i = 0; i < n; i++) items.push(yield* respValue(depth + 1, left));
      return items;
    }
  }
}

/**
 * One RESP2 reply. Each length the server announces is checked against the caps (byte-limits.ts) as soon as its
 * line arrives, so `$2147483647` fails at once instead of waiting for two gigabytes.
 */
export function respReply(): WireDecoder<RespValue> {
  return respValue(0, { bytes: RESP_MAX_REPLY_BYTES });
}
