import { describe, expect, it } from 'vitest';
import { pgBackendGuard } from './pg-backend-guard';

const message = (type: string, body: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const auth = (code: number, extra = Buffer.alloc(0)) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(code, 0);
  return message('R', Buffer.concat([b, extra]));
};
const params = message('S', Buffer.from('server_version\x0018.4\0'));
const scram = auth(10, Buffer.from('SCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0'));

/** Feeds a stream split at every possible boundary into two chunks, and one byte at a time. */
function everySplit(stream: Buffer, verified: boolean): (string | null)[] {
  const out: (string | null)[] = [];
  for (let cut = 0; cut <= stream.length; cut++) {
    const guard = pgBackendGuard({ verified });
    out.push(guard(stream.subarray(0, cut))?.message ?? guard(stream.subarray(cut))?.message ?? null);
  }
  const bytewise = pgBackendGuard({ verified });
  let first: string | null = null;
  for (const b of stream) first ??= bytewise(Buffer.from([b]))?.message ?? null;
  out.push(first);
  return out;
}

describe('the backend guard in front of node-postgres', () => {
  it('lets a SCRAM exchange through on an unverified (plaintext SCRAM) connection, however the bytes are split', () => {
    expect(new Set(everySplit(Buffer.concat([scram, params, auth(0)]), false))).toEqual(new Set([null]));
  });

  it.each([
    ['cleartext', 3, /asked for a cleartext password over a connection whose certificate is not verified/],
    ['md5', 5, /asked for an md5 password hash/],
  ])('stops a %s request before pg can answer it, when the server is not verified', (_name, code, why) => {
    const results = everySplit(Buffer.concat([params, auth(code, code === 5 ? Buffer.from([1, 2, 3, 4]) : Buffer.alloc(0))]), false);
    for (const r of results) expect(r).toMatch(why);
  });

  it('allows them to a verified server', () => {
    expect(new Set(everySplit(Buffer.concat([auth(3), auth(0), params]), true))).toEqual(new Set([null]));
  });

  it('refuses a message announced above the frame limit, or one too short to be a message', () => {
    const huge = Buffer.alloc(5);
    huge.write('D', 0, 'latin1');
    huge.writeInt32BE(0x7fffffff, 1);
    expect(pgBackendGuard({ verified: true })(huge)?.message).toMatch(/announced a 2147483647-byte message; Posture reads at most 1 MiB/);
    expect(pgBackendGuard({ verified: true })(Buffer.alloc(5))?.message).toMatch(/not PostgreSQL messages \(a message of length 0\)/);
  });
});
