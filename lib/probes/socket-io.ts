import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { NetworkPolicy } from '../network/network-policy';
import { resolveCheckedAddress } from '../network/resolve-checked-address';

/**
 * Opens a TCP connection with a connect timeout and AbortSignal; the caller owns (and must end) the socket.
 * Every probe connection goes through here: the name is resolved and each address checked against the
 * network policy right before connecting, and the socket goes to the checked address (DNS rebinding).
 */
export async function connectTcp(host: string, port: number, timeoutMs: number, signal?: AbortSignal, policy?: NetworkPolicy): Promise<net.Socket> {
  if (signal?.aborted) throw new Error('aborted');
  const address = await resolveCheckedAddress(host, timeoutMs, policy);
  return connectToAddress(address, port, timeoutMs, signal);
}

function connectToAddress(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const socket = net.connect({ host: address, port });
    const fail = (e: Error) => {
      cleanup();
      socket.destroy();
      reject(e);
    };
    const onAbort = () => fail(new Error('aborted'));
    const timer = setTimeout(() => fail(Object.assign(new Error(`connect timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', fail);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once('connect', () => {
      cleanup();
      resolve(socket);
    });
  });
}

/** A reader of exact byte counts from a stream, each read bounded by a timeout. */
export class ExactReader {
  private buffered = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  private ended: Error | null = null;

  constructor(private readonly stream: Duplex) {
    stream.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.waiter?.();
    });
    const end = (e?: Error) => {
      this.ended ??= e ?? Object.assign(new Error('connection closed by the server'), { code: 'ECLOSED' });
      this.waiter?.();
    };
    stream.on('end', () => end());
    stream.on('close', () => end());
    stream.on('error', (e: Error) => end(e));
  }

  /** Stops consuming, so the raw socket can be handed to a TLS layer. */
  detach(): Buffer {
    this.stream.removeAllListeners('data');
    return this.buffered;
  }

  async read(n: number, timeoutMs: number): Promise<Buffer> {
    return this.readFrame((buf) => (buf.length >= n ? { value: buf.subarray(0, n), next: n } : null), timeoutMs);
  }

  /**
   * Waits until `parse` finds a whole frame at the start of what has arrived, then consumes it. `parse` returns
   * null while the frame is incomplete; `what` names the awaited answer in the timeout error.
   */
  async readFrame<T>(parse: (buf: Buffer) => { value: T; next: number } | null, timeoutMs: number, what = 'answer'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = parse(this.buffered);
      if (frame) {
        this.buffered = this.buffered.subarray(frame.next);
        return frame.value;
      }
      if (this.ended) throw this.ended;
      const left = deadline - Date.now();
      if (left <= 0) throw Object.assign(new Error(`no ${what} within ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.waiter = null;
    }
  }
}
