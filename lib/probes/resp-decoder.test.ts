import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ExactReader } from './exact-reader';
import { parseResp } from './resp-connection';
import { respReply } from './resp-decoder';
import { WireLimitError } from './wire-limit-error';

const b = (s: string) => Buffer.from(s);

/** A reply with every RESP2 type, nested, with multi-byte UTF-8 and a bulk string holding CRLF. */
const sample = b('*5\r\n+OK\r\n-ERR no\r\n:42\r\n*3\r\n$6\r\nä\r\nbc\r\n$-1\r\n*0\r\n$4\r\nlast\r\n');
const sampleValue = ['OK', { error: 'ERR no' }, 42, ['ä\r\nbc', null, []], 'last'];

async function decodeFed(chunks: Buffer[]) {
  const stream = new PassThrough();
  const reader = new ExactReader(stream);
  const reply = reader.decode(respReply(), 2_000, 'reply');
  for (const c of chunks) {
    stream.write(c);
    await new Promise((r) => setImmediate(r));
  }
  return reply;
}

describe('RESP caps', () => {
  it('refuses a 2 GB bulk string as soon as its length line is in, naming the cap', () => {
    expect(() => parseResp(b('$2147483647\r\n'))).toThrow(new WireLimitError('the server sent a 2147483647-byte RESP bulk string; Posture reads at most 1 MiB'));
  });

  it('refuses an array announcing more elements than Posture reads, at once', () => {
    expect(() => parseResp(b('*2147483647\r\n'))).toThrow('the server sent a 2147483647-element RESP array; Posture reads at most 65536');
  });

  it('refuses arrays nested deeper than 16', () => {
    expect(parseResp(b(`${'*1\r\n'.repeat(16)}:1\r\n`))).not.toBeNull();
    expect(() => parseResp(b(`${'*1\r\n'.repeat(17)}:1\r\n`))).toThrow(/nested RESP arrays over 16 deep/);
  });

  it('refuses a reply whose parts add up to more than 1 MiB before the second part arrives', () => {
    const part = 'x'.repeat(600 * 1024);
    expect(() => parseResp(b(`*2\r\n$${part.length}\r\n${part}\r\n$${part.length}\r\n`))).toThrow(/RESP reply is over 1 MiB/);
  });

  it('refuses a line longer than 64 KiB while its end has not come', () => {
    expect(() => parseResp(b(`+${'a'.repeat(64 * 1024)}`))).toThrow(/RESP line longer than 64 KiB/);
    expect(parseResp(b(`+${'a'.repeat(1000)}`))).toBeNull();
  });

  it('refuses lengths that are not plain digits, and bytes that are not RESP from the first byte', () => {
    expect(() => parseResp(b('$1e3\r\n'))).toThrow(/malformed RESP bulk string length/);
    expect(() => parseResp(b('$ 3\r\n'))).toThrow(/malformed RESP bulk string length/);
    expect(() => parseResp(Buffer.alloc(1))).toThrow('not a RESP reply (first byte 0x0)');
    expect(() => parseResp(b('$3\r\nabcd\r\n'))).toThrow(/no CRLF after its bytes/);
  });
});

describe('RESP split across reads', () => {
  it('a buffer cut anywhere holds no value yet, and never throws', () => {
    for (let i = 0; i < sample.length; i++) expect(parseResp(sample.subarray(0, i))).toBeNull();
    expect(parseResp(sample)).toEqual({ value: sampleValue, next: sample.length });
  });

  it('decodes the same value from a socket whichever byte boundary the reply is split at', async () => {
    for (let i = 1; i < sample.length; i++) {
      await expect(decodeFed([sample.subarray(0, i), sample.subarray(i)])).resolves.toEqual(sampleValue);
    }
  });

  it('decodes a reply that arrives one byte at a time, and leaves the next reply whole', async () => {
    const stream = new PassThrough();
    const reader = new ExactReader(stream);
    const both = Buffer.concat([sample, b('+NEXT\r\n')]);
    const first = reader.decode(respReply(), 5_000, 'reply');
    for (const byte of both) {
      stream.write(Buffer.from([byte]));
      await new Promise((r) => setImmediate(r));
    }
    await expect(first).resolves.toEqual(sampleValue);
    await expect(reader.decode(respReply(), 1_000, 'reply')).resolves.toBe('NEXT');
  });

  it('fails a socket read of an announced 2 GB bulk string without waiting for its bytes', async () => {
    const stream = new PassThrough();
    const reader = new ExactReader(stream);
    stream.write(b('$2147483647\r\n'));
    await expect(reader.decode(respReply(), 60_000, 'reply')).rejects.toThrow(/2147483647-byte RESP bulk string/);
  });
});
