import type { Readable } from 'node:stream';
import { ByteBudget } from './byte-budget';
import { currentByteBudget, currentProbeScope } from './probe-scope';

const limited = new WeakSet<Readable>();

/**
 * Bounds what a target can do through `stream` (a net.Socket, a tls.TLSSocket, any Readable). Each chunk is counted
 * against `limit` as the stream receives it, before any reader sees it (and without changing the stream's flowing
 * mode); once the limit is overspent the stream is destroyed with a WireLimitError. A throw in any listener of the
 * stream (a parser's RangeError, an unheard 'error' event) likewise destroys the stream instead of reaching the
 * process. Either way the running probe, if any, ends at once as `error`. Once per stream; later calls are ignored.
 */
export function limitIncomingBytes(stream: Readable, limit: number | ByteBudget = currentByteBudget()): void {
  if (limited.has(stream)) return;
  limited.add(stream);
  const budget = typeof limit === 'number' ? new ByteBudget(limit) : limit;
  const fail = currentProbeScope()?.fail;
  let stoppedWith: Error | null = null;
  const stop = (e: Error) => {
    // destroy(e) emits e; unheard, that emit throws e again
    if (e === stoppedWith) return;
    stoppedWith = e;
    stream.destroy(e);
    fail?.(e);
  };
  const push = stream.push.bind(stream);
  stream.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && chunk !== undefined && !stream.destroyed) {
      const over = budget.spend(typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).length);
      if (over) {
        stop(over);
        return false;
      }
    }
    return push(chunk, encoding);
  };
  const emit = stream.emit.bind(stream);
  stream.emit = ((event: string | symbol, ...args: unknown[]) => {
    try {
      return emit(event, ...args);
    } catch (e) {
      stop(e instanceof Error ? e : new Error(String(e)));
      return false;
    }
  }) as typeof stream.emit;
}
