import { checkAddress, type NetworkPolicy } from '../../network/network-policy';
import { blockListOf } from '../../network/cidr';
import { privateRanges } from '../../network/address-ranges';

const privateList = blockListOf(privateRanges);

/**
 * The send-time rule on top of the probes' policy: every address must be allowed, and plain HTTP may only go
 * to a private address the admin's allow-list opens (never across the internet). Returns why not, or null.
 */
export function refuseChannelAddress(url: URL, ip: string, policy: NetworkPolicy): string | null {
  const v = checkAddress(ip, policy);
  if (!v.allowed) return `refused by Posture's network policy: ${v.reason}`;
  if (url.protocol === 'http:' && !privateList.check(ip, ip.includes(':') ? 'ipv6' : 'ipv4')) {
    return `plain http:// is allowed only to private addresses the network policy allows; ${ip} is public, use https://`;
  }
  return null;
}
