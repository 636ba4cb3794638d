import type { Readable } from 'node:stream';
import { ByteBudget } from './byte-budget';
import { currentByteBudget, currentProbeScope } from './probe-scope';

const limited = new WeakSet<Readable>();

/**
 * Counts each chunk `stream` (net.Socket, TLSSocket, any Readable) receives against `limit`, before any reader and
 * without changing its flow, and destroys it past the limit; a throw in any of its listeners destroys it too, never
 * the process. Either way the running probe ends at once as `error`. Once per stream; later calls are ignored.
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
