import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestTlsCert } from '../../tests/support/test-tls-cert';
import { listenOnLowPort } from '../../tests/support/listen-low-port';
import { ByteBudget } from './byte-budget';
import { limitIncomingBytes } from './limit-incoming-bytes';
import { runInProbeScope } from './probe-scope';
import { WireLimitError } from './wire-limit-error';

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server that sends each client `bytes` bytes, then keeps the connection open. */
async function sender(bytes: number, secure?: { certPem: string; keyPem: string }): Promise<number> {
  const onClient = (s: net.Socket) => {
    s.on('error', () => s.destroy());
    s.write(Buffer.alloc(bytes, 0x61));
  };
  const server = secure ? tls.createServer({ cert: secure.certPem, key: secure.keyPem }, onClient) : net.createServer(onClient);
  servers.push(server);
  return listenOnLowPort(server);
}

const closedWith = (s: net.Socket) => new Promise<Error | undefined>((resolve) => s.once('error', resolve).once('close', () => resolve(undefined)));

describe('limitIncomingBytes', () => {
  it('lets a stream receive up to its limit and destroys it with a clear error past it', async () => {
    const port = await sender(3000);
    const within = net.connect(port, '127.0.0.1');
    limitIncomingBytes(within, 3000);
    let got = 0;
    within.on('data', (c: Buffer) => (got += c.length));
    await new Promise((r) => setTimeout(r, 300));
    expect([got, within.destroyed]).toEqual([3000, false]);
    within.destroy();

    const over = net.connect(port, '127.0.0.1');
    limitIncomingBytes(over, 1024);
    over.resume();
    const e = await closedWith(over);
    expect(e).toBeInstanceOf(WireLimitError);
    expect(e?.message).toBe('the server sent more than 1 KiB to this connection; Posture reads at most 1 KiB per connection');
  });

  it('charges every stream of one budget, and counts what a TLS socket decrypts', async () => {
    const cert = createTestTlsCert();
    const plain = await sender(600);
    const secure = await sender(600, cert);
    const budget = new ByteBudget(1000, 'the test probe', 'probe');
    const first = net.connect(plain, '127.0.0.1');
    limitIncomingBytes(first, budget);
    first.resume();
    await new Promise((r) => setTimeout(r, 200));
    expect(first.destroyed).toBe(false);
    const second = tls.connect({ port: secure, host: '127.0.0.1', rejectUnauthorized: false });
    limitIncomingBytes(second, budget);
    second.resume();
    expect((await closedWith(second))?.message).toBe('the server sent more than 1000 bytes to the test probe; Posture reads at most 1000 bytes per probe');
    first.destroy();
  });

  it('does not start the flow of a stream no one reads yet', async () => {
    const port = await sender(100);
    const s = net.connect(port, '127.0.0.1');
    limitIncomingBytes(s, 1000);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.readableFlowing).toBeNull();
    const first = await new Promise<Buffer>((r) => s.once('data', r));
    expect(first.length).toBe(100);
    s.destroy();
  });

  it('turns a throw in a data listener into the stream error and the probe failure, not an uncaught exception', async () => {
    const port = await sender(10);
    const failures: unknown[] = [];
    const s = runInProbeScope({ budget: new ByteBudget(1000), fail: (e) => failures.push(e) }, () => {
      const socket = net.connect(port, '127.0.0.1');
      limitIncomingBytes(socket);
      return socket;
    });
    // No 'error' listener either: the unheard error event would have thrown too.
    s.on('data', (c: Buffer) => c.readUInt32BE(8));
    await new Promise((r) => s.once('close', r));
    expect(failures).toEqual([expect.objectContaining({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' })]);
  });
});
