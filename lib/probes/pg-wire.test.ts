import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ExactReader } from './exact-reader';
import { readMessage } from './pg-wire';

function readerOf(bytes: Buffer) {
  const stream = new PassThrough();
  stream.write(bytes);
  return new ExactReader(stream);
}

describe('PostgreSQL backend messages before login', () => {
  it('reads a message split anywhere', async () => {
    const msg = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
    for (let i = 1; i < msg.length; i++) {
      const stream = new PassThrough();
      const reader = new ExactReader(stream);
      const read = readMessage(reader, 1_000);
      stream.write(msg.subarray(0, i));
      setImmediate(() => stream.write(msg.subarray(i)));
      await expect(read).resolves.toEqual({ type: 'R', body: Buffer.from([0, 0, 0, 0]) });
    }
  });

  it('refuses a message announcing 2 GB before waiting for it', async () => {
    await expect(readMessage(readerOf(Buffer.from([0x44, 0x7f, 0xff, 0xff, 0xff])), 60_000)).rejects.toThrow(
      'the server sent a 2147483647-byte PostgreSQL message; Posture reads at most 64 KiB before login',
    );
    await expect(readMessage(readerOf(Buffer.from([0x45, 0xff, 0xff, 0xff, 0xff])), 60_000)).rejects.toThrow(/4294967295-byte PostgreSQL message/);
  });

  it('names a length below the header as malformed (a stream of zeros)', async () => {
    await expect(readMessage(readerOf(Buffer.alloc(64)), 1_000)).rejects.toThrow('malformed PostgreSQL message (length 0)');
  });
});
