import net from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLowPort } from '../../tests/support/listen-low-port';
import { ExactReader } from './exact-reader';
import { WireLimitError } from './wire-limit-error';

const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A loopback server that writes zeros to each client as fast as TCP lets it, like /dev/zero. */
async function zeroServer(): Promise<number> {
  const zeros = Buffer.alloc(64 * 1024);
  const server = net.createServer((s) => {
    s.on('error', () => s.destroy());
    const pump = () => {
      while (!s.destroyed && s.write(zeros));
    };
    s.on('drain', pump);
    pump();
  });
  servers.push(server);
  return listenOnLowPort(server);
}

describe('ExactReader', () => {
  it('reads exact counts and lines however the bytes are split', async () => {
    const stream = new PassThrough();
    const reader = new ExactReader(stream);
    const wire = Buffer.from('ab\ncdefgh\nrest');
    for (const byte of wire) stream.write(Buffer.from([byte]));
    expect((await reader.readLine(10, 100)).toString()).toBe('ab\n');
    expect((await reader.read(3, 100)).toString()).toBe('cde');
    expect((await reader.readLine(10, 100)).toString()).toBe('fgh\n');
    expect(reader.detach().toString()).toBe('rest');
  });

  it('refuses a line once more than its cap has come without an end, and a read over the frame cap before any byte', async () => {
    const stream = new PassThrough();
    const reader = new ExactReader(stream, 1024);
    stream.write(Buffer.alloc(100, 0x61));
    await expect(reader.readLine(100, 60_000, 'greeting')).rejects.toThrow(new WireLimitError('the server sent a greeting longer than 100 bytes (no line end); Posture reads at most 100 bytes'));
    await expect(reader.read(2048, 60_000, 'frame')).rejects.toThrow(/2048-byte frame is over the 1 KiB Posture reads at once/);
  });

  it('times out a read whose bytes do not come, and reports a close', async () => {
    const stream = new PassThrough();
    const reader = new ExactReader(stream);
    await expect(reader.read(1, 50, 'greeting')).rejects.toThrow('no greeting within 50 ms');
    stream.end();
    stream.resume();
    await expect(reader.read(1, 1_000)).rejects.toMatchObject({ code: 'ECLOSED' });
  });

  it('holds a server streaming zeros back with TCP flow control instead of buffering it', async () => {
    const port = await zeroServer();
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const reader = new ExactReader(socket);
    await reader.read(5, 1_000);
    // The old reader kept every chunk (hundreds of MB a second on loopback); this one pauses after 64 KiB ahead.
    await new Promise((r) => setTimeout(r, 500));
    expect(socket.isPaused()).toBe(true);
    expect(socket.bytesRead).toBeLessThan(1024 * 1024);
    await expect(reader.readLine(64 * 1024, 1_000, 'line')).rejects.toThrow(/longer than 64 KiB/);
    socket.destroy();
  });

  it('drops what follows while it waits for the end of a session', async () => {
    const port = await zeroServer();
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const reader = new ExactReader(socket);
    setTimeout(() => socket.destroy(new Error('gone')), 200);
    await expect(reader.endedWithin(5_000)).resolves.toMatchObject({ message: 'gone' });
  });
});
