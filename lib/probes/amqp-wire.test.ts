import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { connectionStartOk, parseConnectionClose, parseConnectionStart, readMethod } from './amqp-wire';
import { ExactReader } from './exact-reader';

/** A method frame as a broker sends it: type 1, channel 0, size, payload, frame-end 0xCE. */
function frame(classId: number, methodId: number, args: Buffer): Buffer {
  const payload = Buffer.concat([Buffer.from([classId >> 8, classId & 0xff, methodId >> 8, methodId & 0xff]), args]);
  const head = Buffer.alloc(7);
  head.writeUInt8(1, 0);
  head.writeUInt32BE(payload.length, 3);
  return Buffer.concat([head, payload, Buffer.from([0xce])]);
}
const shortstr = (s: string) => Buffer.concat([Buffer.from([s.length]), Buffer.from(s)]);
const longstr = (b: Buffer) => {
  const n = Buffer.alloc(4);
  n.writeUInt32BE(b.length);
  return Buffer.concat([n, b]);
};

async function methodFrom(bytes: Buffer) {
  const stream = new PassThrough();
  const reader = new ExactReader(stream);
  stream.write(bytes);
  return readMethod(reader, 1_000);
}

/** The method of a whole frame already in hand (classId, methodId, args), as readMethod returns it. */
const methodFromSync = (f: Buffer) => ({ classId: f.readUInt16BE(7), methodId: f.readUInt16BE(9), args: f.subarray(11, f.length - 1) });

describe('AMQP 0-9-1 frames', () => {
  it('reads Connection.Start: version, server properties (nested tables too) and mechanisms', async () => {
    const caps = Buffer.concat([shortstr('publisher_confirms'), Buffer.from('t'), Buffer.from([1])]);
    const props = Buffer.concat([
      shortstr('product'), Buffer.from('S'), longstr(Buffer.from('RabbitMQ')),
      shortstr('capabilities'), Buffer.from('F'), longstr(caps),
      shortstr('version'), Buffer.from('S'), longstr(Buffer.from('3.10.8')),
    ]);
    const start = parseConnectionStart(await methodFrom(frame(10, 10, Buffer.concat([Buffer.from([0, 9]), longstr(props), longstr(Buffer.from('PLAIN AMQPLAIN')), longstr(Buffer.from('en_US'))]))));
    expect(start).toEqual({
      version: 'AMQP 0-9',
      serverProperties: { product: 'RabbitMQ', capabilities: { publisher_confirms: true }, version: '3.10.8' },
      mechanisms: ['PLAIN', 'AMQPLAIN'],
    });
  });

  it('reads Connection.Close with its reply code and text', async () => {
    const m = await methodFrom(frame(10, 50, Buffer.concat([Buffer.from([0x01, 0x93]), shortstr('ACCESS_REFUSED - Login was refused'), Buffer.from([0, 0, 0, 0])])));
    expect(parseConnectionClose(m)).toEqual({ code: 403, text: 'ACCESS_REFUSED - Login was refused' });
  });

  it('names a protocol-version mismatch instead of misreading it', async () => {
    await expect(methodFrom(Buffer.from('AMQP\x00\x00\x09\x01'))).rejects.toThrow(/version mismatch/);
  });

  it('refuses a frame announcing 2 GB as soon as its header is in, and tables nested too deep', async () => {
    const head = Buffer.from([1, 0, 0, 0x80, 0, 0, 0]);
    await expect(methodFrom(head)).rejects.toThrow('the server sent a 2147483648-byte AMQP frame; Posture reads at most 128 KiB');
    let table = Buffer.alloc(0);
    for (let i = 0; i < 20; i++) table = Buffer.concat([shortstr('t'), Buffer.from('F'), longstr(table)]);
    const start = frame(10, 10, Buffer.concat([Buffer.from([0, 9]), longstr(table), longstr(Buffer.from('PLAIN')), longstr(Buffer.from('en_US'))]));
    expect(() => parseConnectionStart(methodFromSync(start))).toThrow(/nested AMQP field tables over 16 deep/);
  });

  it('StartOk carries PLAIN credentials and asks for authentication_failure_close', () => {
    const b = connectionStartOk('guest', 'guest');
    expect(b.readUInt8(0)).toBe(1);
    expect(b.readUInt32BE(3)).toBe(b.length - 8);
    expect(b.at(-1)).toBe(0xce);
    expect(b.includes(Buffer.from('\0guest\0guest'))).toBe(true);
    expect(b.includes(Buffer.from('authentication_failure_close'))).toBe(true);
  });
});
