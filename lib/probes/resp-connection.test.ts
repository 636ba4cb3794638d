import { describe, expect, it } from 'vitest';
import { parseAclUser } from './probe-redis';
import { encodeCommand, parseResp } from './resp-connection';

describe('RESP encoding and parsing', () => {
  it('encodes a command as an array of bulk strings, counting bytes not characters', () => {
    expect(encodeCommand(['AUTH', 'app', 'pä']).toString()).toBe('*3\r\n$4\r\nAUTH\r\n$3\r\napp\r\n$3\r\npä\r\n');
  });

  it.each([
    ['+PONG\r\n', 'PONG'],
    ['-NOAUTH Authentication required.\r\n', { error: 'NOAUTH Authentication required.' }],
    [':1\r\n', 1],
    ['$-1\r\n', null],
    ['*2\r\n$14\r\nprotected-mode\r\n$3\r\nyes\r\n', ['protected-mode', 'yes']],
    ['*1\r\n*-1\r\n', [null]],
  ])('%j', (wire, value) => {
    expect(parseResp(Buffer.from(wire))).toEqual({ value, next: Buffer.byteLength(wire) });
  });

  it('waits for the rest of a value split across packets', () => {
    expect(parseResp(Buffer.from('$5\r\nhel'))).toBeNull();
    expect(parseResp(Buffer.from('*2\r\n$1\r\na\r\n'))).toBeNull();
  });

  it('rejects bytes that are not RESP (e.g. a TLS alert)', () => {
    expect(() => parseResp(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x0d, 0x0a]))).toThrow(/not a RESP reply/);
  });
});

describe('ACL LIST lines', () => {
  it('keeps flags and rules and drops every password and hash', () => {
    const u = parseAclUser('user app on #71d3d4e36cf4bc4309fd7390ba79fc6a1d03d8d7b45ef26f04bcdff3ff116868 >clear ~app:* &* +@all -@dangerous');
    expect(u).toEqual({ name: 'app', enabled: true, nopass: false, passwords: 1, rules: '~app:* &* +@all -@dangerous' });
    expect(parseAclUser('user default on nopass sanitize-payload ~* &* +@all')).toMatchObject({ enabled: true, nopass: true, passwords: 0 });
    expect(parseAclUser('user default off resetchannels -@all')).toMatchObject({ enabled: false });
    expect(parseAclUser('not an acl line')).toBeNull();
  });
});
