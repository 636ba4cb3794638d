import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, unknownClientAddress } from './client-address';
import { parseIpAddress } from '../network/parse-ip-address';
import { inTrustedProxy, parseTrustedProxy, type TrustedProxy } from '../network/parse-trusted-proxy';
import { peerAddressHeader } from './peer-address-header';
import { envSchema } from '../env';

const key = (text: string) => {
  const ip = parseIpAddress(text);
  return ip ? addressKey(ip) : null;
};
const proxies = (...list: string[]) => list.map((s) => parseTrustedProxy(s)!);
const request = (peer: string | null, xff?: string, extra: Record<string, string> = {}) => {
  const h = new Headers(extra);
  if (peer !== null) h.set(peerAddressHeader.name, peer);
  if (xff !== undefined) h.set('x-forwarded-for', xff);
  return h;
};

describe('address parsing', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['  203.0.113.9 ', '203.0.113.9'],
    ['203.0.113.9:51234', '203.0.113.9'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['[::ffff:7f00:1]', '127.0.0.1'],
    ['0:0:0:0:0:ffff:cb00:7109', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['[2001:0DB8:0001:0002::7]:443', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1.2.3.4', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it.each(['x', '', 'unknown', '1.2.3', '01.2.3.4', '1.2.3.4.5', '256.1.1.1', 'fe80::1%eth0', '[::1', '[::1]x', '1.2.3.4:port', '1.2.3.4:123456', '::ffff:1.2.3.4:80', 'a'.repeat(10_000)])(
    'refuses %j',
    (text) => {
      expect(parseIpAddress(text)).toBeNull();
    },
  );
});

describe('trusted proxy entries (POSTURE_TRUSTED_PROXIES)', () => {
  it('matches by network and prefix, in the same family only', () => {
    const [net8, host, v6, mapped] = proxies('10.0.0.0/8', '192.0.2.7', '2001:db8::/32', '::ffff:198.51.100.0/120') as TrustedProxy[] as [TrustedProxy, TrustedProxy, TrustedProxy, TrustedProxy];
    const ip = (s: string) => parseIpAddress(s)!;
    expect(inTrustedProxy(ip('10.255.1.2'), net8)).toBe(true);
    expect(inTrustedProxy(ip('11.0.0.1'), net8)).toBe(false);
    expect(inTrustedProxy(ip('::ffff:10.1.1.1'), net8)).toBe(true);
    expect(inTrustedProxy(ip('192.0.2.7'), host)).toBe(true);
    expect(inTrustedProxy(ip('192.0.2.8'), host)).toBe(false);
    expect(inTrustedProxy(ip('2001:db8:ffff::1'), v6)).toBe(true);
    expect(inTrustedProxy(ip('2001:db9::1'), v6)).toBe(false);
    expect(inTrustedProxy(ip('10.0.0.1'), v6)).toBe(false);
    expect(inTrustedProxy(ip('198.51.100.200'), mapped)).toBe(true);
    expect(inTrustedProxy(ip('198.51.101.1'), mapped)).toBe(false);
    expect(inTrustedProxy(ip('172.16.5.4'), parseTrustedProxy('172.16.0.0/12')!)).toBe(true);
    expect(inTrustedProxy(ip('172.32.0.1'), parseTrustedProxy('172.16.0.0/12')!)).toBe(false);
    expect(inTrustedProxy(ip('8.8.8.8'), parseTrustedProxy('0.0.0.0/0')!)).toBe(true);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/-1', '10.0.0.1:80', '[::1]', 'fe80::1%eth0', 'proxy.internal', '::ffff:1.2.3.4/64', '2001:db8::/129'])('refuses %j', (text) => {
    expect(parseTrustedProxy(text)).toBeNull();
  });

  it('lib/env.ts validates the list and names the bad entry by position, not by value', () => {
    const base = { DATABASE_URL: 'postgresql://x', POSTURE_MASTER_KEY: Buffer.alloc(32).toString('base64'), NEXTAUTH_SECRET: 'x'.repeat(32) };
    const ok = envSchema.parse({ ...base, POSTURE_TRUSTED_PROXIES: ' 10.0.0.0/8, 2001:db8::/32 ,' });
    expect(ok.POSTURE_TRUSTED_PROXIES).toHaveLength(2);
    expect(envSchema.parse(base).POSTURE_TRUSTED_PROXIES).toEqual([]);
    const bad = envSchema.safeParse({ ...base, POSTURE_TRUSTED_PROXIES: '10.0.0.0/8,secret-looking-value' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['POSTURE_TRUSTED_PROXIES.1']);
    expect(JSON.stringify(bad.error?.issues)).not.toContain('secret-looking-value');
    expect('POSTURE_TRUSTED_PROXY_HOPS' in envSchema.shape).toBe(false);
  });
});

describe('the address a sign-in is counted under', () => {
  it('without the web server the internal header is not believed: every request shares "unknown"', () => {
    expect(peerAddressHeader.isSetByServer()).toBe(false);
    expect(clientAddress(request('203.0.113.9'), [])).toBe(unknownClientAddress);
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), proxies('0.0.0.0/0'))).toBe(unknownClientAddress);
  });

  it('behind the web server: the socket peer, and X-Forwarded-For only from a trusted proxy', () => {
    peerAddressHeader.markSetByServer();
    const trusted = proxies('10.0.0.0/8', '2001:db8:ffff::/48');
    expect(clientAddress(request(null), trusted)).toBe(unknownClientAddress);
    expect(clientAddress(request('garbage'), trusted)).toBe(unknownClientAddress);
    // A client talking to us directly chooses nothing: its X-Forwarded-For is ignored, junk or not.
    expect(clientAddress(request('203.0.113.9', 'x'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:203.0.113.9', '198.51.100.1'), [])).toBe('203.0.113.9');
    // Through a trusted proxy: the proxy's last entry, past further trusted hops, is the client.
    expect(clientAddress(request('10.0.0.2', '198.51.100.1'), trusted)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', '6.6.6.6, 198.51.100.1, 10.0.0.3'), trusted)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', '198.51.100.1:4711'), trusted)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', '[2001:db8:1:2::9]:443'), trusted)).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('2001:db8:ffff::1', '2001:db8:1:2::9'), trusted)).toBe('2001:db8:1:2::/64');
    // An entry that is not an address counts as the socket's peer (the limit still holds, on the proxy).
    expect(clientAddress(request('10.0.0.2', 'x'), trusted)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', '198.51.100.1, x'), trusted)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', ''), trusted)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2'), trusted)).toBe('10.0.0.2');
    // Only trusted hops all the way: the leftmost one seen.
    expect(clientAddress(request('10.0.0.2', '10.9.9.9, 10.0.0.3'), trusted)).toBe('10.9.9.9');
    // IPv6 clients are counted by their /64, so one host cannot rotate through its own prefix.
    expect(clientAddress(request('2001:db8:1:2::1'), [])).toBe(clientAddress(request('2001:db8:1:2:ffff::2'), []));
  });

  it('a long hostile X-Forwarded-For: only the last 32 hops are walked', () => {
    const trusted = proxies('10.0.0.0/8');
    expect(clientAddress(request('10.0.0.2', `${'x,'.repeat(5000)}10.0.0.1`), trusted)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', `198.51.100.1,${'10.0.0.1,'.repeat(40)}10.0.0.1`), trusted)).toBe('10.0.0.1');
  });
});
