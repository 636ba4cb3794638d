import { Duplex } from 'node:stream';
import type net from 'node:net';
import { TLSSocket, type PeerCertificate } from 'node:tls';

/**
 * The connection node-postgres logs in over, handed to it through its `stream` option: already connected (and,
 * for TLS, already verified) by Posture, so pg's own TLS and trust settings never decide where a password goes.
 * Every chunk from the server passes `guard` first; an error from it ends the session before pg sees the chunk.
 */
export class PgLoginStream extends Duplex {
  constructor(
    private readonly inner: net.Socket | TLSSocket,
    guard: (chunk: Buffer) => Error | null,
  ) {
    super();
    inner.on('data', (chunk: Buffer) => {
      const refused = guard(chunk);
      if (refused) {
        this.destroy(refused);
        return;
      }
      if (!this.push(chunk)) inner.pause();
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (e) => this.destroy(e));
    inner.on('close', () => this.destroy());
  }

  get encrypted(): boolean {
    return this.inner instanceof TLSSocket;
  }

  /** pg calls connect(port, host) on a custom stream; this one is connected already. */
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }

  setNoDelay(noDelay?: boolean): this {
    this.inner.setNoDelay(noDelay);
    return this;
  }

  setKeepAlive(enable?: boolean, delay?: number): this {
    this.inner.setKeepAlive(enable, delay);
    return this;
  }

  ref(): this {
    this.inner.ref();
    return this;
  }

  unref(): this {
    this.inner.unref();
    return this;
  }

  /** For SCRAM-SHA-256-PLUS: the tls-server-end-point channel binding hashes the server's certificate. */
  getPeerCertificate(): PeerCertificate {
    if (!(this.inner instanceof TLSSocket)) throw new Error('no TLS on this connection');
    return this.inner.getPeerCertificate();
  }

  override _read(): void {
    this.inner.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.inner.write(chunk, cb);
  }

  override _final(cb: (e?: Error | null) => void): void {
    this.inner.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (e?: Error | null) => void): void {
    this.inner.destroy();
    cb(err);
  }
}
