import { describe, expect, it } from 'vitest';
import { dhPrimeBitsOf } from './read-server-hello';

const ske = (prime: Buffer) => Buffer.concat([Buffer.from([prime.length >> 8, prime.length & 0xff]), prime, Buffer.from([0, 1, 2])]);

describe('dhPrimeBitsOf', () => {
  it('reads the size of a 2048-bit prime', () => expect(dhPrimeBitsOf(ske(Buffer.alloc(256, 0xff)))).toBe(2048));
  it('counts bits, not bytes, of the top byte', () => expect(dhPrimeBitsOf(ske(Buffer.concat([Buffer.from([0x01]), Buffer.alloc(127, 0xff)])))).toBe(1017));
  it('skips leading zero bytes', () => expect(dhPrimeBitsOf(ske(Buffer.concat([Buffer.from([0, 0x80]), Buffer.alloc(127, 1)])))).toBe(1024));
  it('refuses a truncated message', () => {
    expect(dhPrimeBitsOf(Buffer.from([0x01]))).toBeNull();
    expect(dhPrimeBitsOf(Buffer.from([0x00, 0x02, 0x00]))).toBeNull();
  });
});
