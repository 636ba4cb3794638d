import { formatBytes } from './byte-limits';
import { WireLimitError } from './wire-limit-error';

/** What a decoder wants next: one line through its '\n' (at most `line` bytes with it), or exactly `bytes` bytes. */
export type WireNeed = { line: number; what: string } | { bytes: number; what: string };

/**
 * A protocol decoder written once as a generator: it yields what it needs and is handed those bytes, so the same
 * grammar runs over a socket (ExactReader.decode) and over a buffer already in hand (decodeBuffer).
 */
export type WireDecoder<T> = Generator<WireNeed, T, Buffer>;

export function lineTooLong(need: { line: number; what: string }): WireLimitError {
  const max = formatBytes(need.line);
  return new WireLimitError(`the server sent a ${need.what} longer than ${max} (no line end); Posture reads at most ${max}`);
}

/** Runs `decoder` over `buf` from `at`: the value and where it ended, or null while `buf` does not hold all of it. */
export function decodeBuffer<T>(decoder: WireDecoder<T>, buf: Buffer, at = 0): { value: T; next: number } | null {
  let pos = at;
  let step = decoder.next(Buffer.alloc(0));
  while (!step.done) {
    const need = step.value;
    let end: number;
    if ('bytes' in need) {
      end = pos + need.bytes;
      if (end > buf.length) return null;
    } else {
      const nl = buf.indexOf(0x0a, pos);
      if (nl < 0 ? buf.length - pos >= need.line : nl + 1 - pos > need.line) throw lineTooLong(need);
      if (nl < 0) return null;
      end = nl + 1;
    }
    const chunk = buf.subarray(pos, end);
    pos = end;
    step = decoder.next(chunk);
  }
  return { value: step.value, next: pos };
}
