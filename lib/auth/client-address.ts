import { parseIpAddress, type IpAddress } from '../network/parse-ip-address';
import { inTrustedProxy, type TrustedProxy } from '../network/parse-trusted-proxy';
import { peerAddressHeader } from './peer-address-header';

/** Every request whose peer is not known (the app runs without Posture's web server) shares this one counter. */
export const unknownClientAddress = 'unknown';

/** Proxies append at most this many hops; beyond it the chain is not walked further. */
const maxHops = 32;

const hex = (bytes: number[], i: number) => (((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16);

/** The counter key of an address: IPv4 as is, IPv6 by its /64, since one host is usually handed a whole /64. */
export function addressKey(ip: IpAddress): string {
  if (ip.family === 4) return ip.bytes.join('.');
  return `${[0, 2, 4, 6].map((i) => hex(ip.bytes, i)).join(':')}::/64`;
}

/**
 * The address a sign-in is counted under. The socket's peer, unless it is a trusted proxy: then X-Forwarded-For
 * is walked from the right past trusted proxies to the first other address. Any entry that is not an address
 * stops the walk at the socket's peer, so a client can neither choose its address nor switch the limit off.
 */
export function clientAddress(headers: Headers, trusted: readonly TrustedProxy[]): string {
  const peerText = peerAddressHeader.isSetByServer() ? headers.get(peerAddressHeader.name) : null;
  const peer = peerText === null ? null : parseIpAddress(peerText);
  if (!peer) return unknownClientAddress;
  const isTrusted = (ip: IpAddress) => trusted.some((p) => inTrustedProxy(ip, p));
  const forwarded = headers.get('x-forwarded-for');
  if (!isTrusted(peer) || forwarded === null) return addressKey(peer);
  const hops = forwarded.split(',');
  let client = peer;
  for (let i = hops.length - 1; i >= Math.max(0, hops.length - maxHops); i--) {
    const hop = parseIpAddress(hops[i] ?? '');
    if (!hop) return addressKey(peer);
    if (!isTrusted(hop)) return addressKey(hop);
    client = hop;
  }
  return addressKey(client);
}
