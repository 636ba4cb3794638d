import type { Duplex } from 'node:stream';
import { formatBytes, MAX_FRAME_BYTES, READ_AHEAD_BYTES } from './byte-limits';
import { lineTooLong, type WireDecoder, type WireNeed } from './wire-decoder';
import { WireLimitError } from './wire-limit-error';

const closedByServer = () => Object.assign(new Error('connection closed by the server'), { code: 'ECLOSED' });

/**
 * Reads exact byte counts and lines from a target's stream, each read bounded by a timeout. What arrives goes into
 * one buffer that grows by doubling (each byte is copied O(1) times), and once it holds more than the pending read
 * needs plus READ_AHEAD_BYTES the stream is paused, so TCP holds a flooding server back instead of Posture's memory.
 */
export class ExactReader {
  private buf = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  /** how far the held bytes were already searched for '\n' */
  private scanned = 0;
  /** how many held bytes the pending read needs */
  private want = 0;
  private paused = false;
  private discarding = false;
  private waiter: (() => void) | null = null;
  private ended: Error | null = null;

  constructor(
    private readonly stream: Duplex,
    /** no single read may be larger; decoders check their own, smaller caps first */
    private readonly maxRead = MAX_FRAME_BYTES,
  ) {
    stream.on('data', this.onData);
    const end = (e?: Error) => {
      this.ended ??= e ?? closedByServer();
      this.waiter?.();
    };
    stream.on('end', () => end());
    stream.on('close', () => end());
    stream.on('error', (e: Error) => end(e));
  }

  private readonly onData = (chunk: Buffer) => {
    if (!this.discarding) this.append(chunk);
    this.flow();
    this.waiter?.();
  };

  private append(chunk: Buffer): void {
    if (this.end + chunk.length > this.buf.length) {
      const live = this.end - this.start;
      const size = live + chunk.length;
      // Compact in place while at most half full, else double: amortised O(1) copies per byte.
      const target = size * 2 <= this.buf.length ? this.buf : Buffer.allocUnsafe(Math.max(size * 2, 4 * 1024));
      this.buf.copy(target, 0, this.start, this.end);
      this.buf = target;
      this.scanned -= this.start;
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
  }

  private flow(): void {
    const full = this.end - this.start >= this.want + READ_AHEAD_BYTES;
    if (full && !this.paused && !this.discarding) {
      this.paused = true;
      this.stream.pause();
    } else if ((!full || this.discarding) && this.paused) {
      this.paused = false;
      this.stream.resume();
    }
  }

  private consume(n: number): Buffer {
    const out = Buffer.from(this.buf.subarray(this.start, this.start + n));
    this.start += n;
    if (this.start === this.end) this.start = this.end = this.scanned = 0;
    else this.scanned = Math.max(this.scanned, this.start);
    return out;
  }

  /** The bytes `need` asks for when they are all held; null while they are not; throws when they cannot fit. */
  private ready(need: WireNeed): Buffer | null {
    const held = this.end - this.start;
    if ('bytes' in need) return held >= need.bytes ? this.consume(need.bytes) : null;
    const nl = this.buf.subarray(0, this.end).indexOf(0x0a, this.scanned);
    if (nl < 0 ? held >= need.line : nl + 1 - this.start > need.line) throw lineTooLong(need);
    if (nl < 0) {
      this.scanned = this.end;
      return null;
    }
    return this.consume(nl + 1 - this.start);
  }

  private async take(need: WireNeed, deadline: number, timeoutMs: number, what: string): Promise<Buffer> {
    if ('bytes' in need && need.bytes > this.maxRead) {
      throw new WireLimitError(`a ${need.bytes}-byte ${need.what} is over the ${formatBytes(this.maxRead)} Posture reads at once`);
    }
    this.want = 'bytes' in need ? need.bytes : need.line;
    try {
      for (;;) {
        const got = this.ready(need);
        if (got) return got;
        if (this.ended) throw this.ended;
        const left = deadline - Date.now();
        if (left <= 0) throw Object.assign(new Error(`no ${what} within ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
        this.flow();
        await this.wait(left);
      }
    } finally {
      this.want = 0;
      this.flow();
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiter = () => {
        clearTimeout(t);
        resolve();
      };
    }).finally(() => (this.waiter = null));
  }

  /** Stops consuming, so the raw socket can be handed to a TLS layer; returns what was held. */
  detach(): Buffer {
    this.stream.removeListener('data', this.onData);
    return this.consume(this.end - this.start);
  }

  read(n: number, timeoutMs: number, what = 'answer'): Promise<Buffer> {
    return this.take({ bytes: n, what }, Date.now() + timeoutMs, timeoutMs, what);
  }

  /** One line through its '\n', at most `maxBytes` long with it. */
  readLine(maxBytes: number, timeoutMs: number, what = 'line'): Promise<Buffer> {
    return this.take({ line: maxBytes, what }, Date.now() + timeoutMs, timeoutMs, what);
  }

  /** Runs a decoder over the stream; the whole value must arrive within `timeoutMs`. */
  async decode<T>(decoder: WireDecoder<T>, timeoutMs: number, what = 'answer'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let step = decoder.next(Buffer.alloc(0));
    while (!step.done) step = decoder.next(await this.take(step.value, deadline, timeoutMs, what));
    return step.value;
  }

  /**
   * Drops whatever else arrives and waits up to `ms` for the server to end the connection: the error it ended
   * with (code ECLOSED for a plain close), or null while it is still open.
   */
  async endedWithin(ms: number): Promise<Error | null> {
    this.discarding = true;
    this.consume(this.end - this.start);
    this.flow();
    const deadline = Date.now() + ms;
    while (!this.ended && Date.now() < deadline) await this.wait(deadline - Date.now());
    return this.ended;
  }
}
