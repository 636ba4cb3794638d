import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLowPort } from '../../tests/support/listen-low-port';
import { connectTcp } from '../probes/socket-io';
import { withProbeTimeout } from './with-probe-timeout';

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function sender(bytes: number): Promise<number> {
  const server = net.createServer((s) => {
    s.on('error', () => s.destroy());
    for (let left = bytes; left > 0 && !s.destroyed; left -= 1 << 20) s.write(Buffer.alloc(Math.min(left, 1 << 20)));
  });
  servers.push(server);
  return listenOnLowPort(server);
}

const forever = () => new Promise<never>(() => {});

describe('withProbeTimeout', () => {
  it('ends a probe as error as soon as a listener on one of its sockets throws, not at its deadline', async () => {
    const port = await sender(16);
    const outcome = await withProbeTimeout('test', 60_000, undefined, async (signal) => {
      const s = await connectTcp('127.0.0.1', port, 1_000, signal);
      s.on('data', (b: Buffer) => b.readUInt32BE(64));
      return forever();
    });
    expect(outcome).toEqual({ status: 'error', message: expect.stringMatching(/^the test probe stopped on what the server sent: The value of "offset" is out of range/) });
  });

  it('ends a probe whose sockets together receive more than the budget', async () => {
    const port = await sender(5 * 1024 * 1024);
    const outcome = await withProbeTimeout('test', 60_000, undefined, async (signal) => {
      const [a, b] = await Promise.all([connectTcp('127.0.0.1', port, 1_000, signal), connectTcp('127.0.0.1', port, 1_000, signal)]);
      a.resume();
      b.resume();
      return forever();
    });
    expect(outcome).toEqual({ status: 'error', message: 'the server sent more than 8 MiB to the test probe; Posture reads at most 8 MiB per probe' });
  });
});
