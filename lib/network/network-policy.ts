import net from 'node:net';
import { blockedRanges, privateRanges } from './address-ranges';
import { blockListOf, parseCidr } from './cidr';
import { embeddedIpv4 } from './embedded-ipv4';

/** Which non-public addresses probes may reach; public addresses are always allowed, blocked ranges never. */
export interface NetworkPolicy {
  allowedPrivateRanges: readonly string[];
}

export const defaultNetworkPolicy: NetworkPolicy = { allowedPrivateRanges: privateRanges };

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

const blocked = blockedRanges.map((r) => ({ ...r, list: blockListOf([r.cidr]) }));
const privateList = blockListOf(privateRanges);
const allowLists = new Map<string, net.BlockList>();

const familyOf = (ip: string) => (net.isIP(ip) === 6 ? 'ipv6' : 'ipv4');

function verdictFor(ip: string, policy: NetworkPolicy): AddressVerdict {
  const hit = blocked.find((b) => b.list.check(ip, familyOf(ip)));
  if (hit) return { allowed: false, reason: `${ip} is ${hit.why}` };
  if (!privateList.check(ip, familyOf(ip))) return { allowed: true };
  const key = policy.allowedPrivateRanges.join(',');
  let allow = allowLists.get(key);
  if (!allow) allowLists.set(key, (allow = blockListOf(policy.allowedPrivateRanges)));
  return allow.check(ip, familyOf(ip))
    ? { allowed: true }
    : { allowed: false, reason: `${ip} is a loopback or private address outside the allow-list (Settings → Network)` };
}

/** Judges one resolved address; an IPv6 address that embeds IPv4 ones is judged as each of them too. */
export function checkAddress(ip: string, policy: NetworkPolicy = defaultNetworkPolicy): AddressVerdict {
  const unbracketed = ip.replace(/^\[|\]$/g, '');
  const zone = unbracketed.indexOf('%');
  const bare = zone === -1 ? unbracketed : unbracketed.slice(0, zone);
  if (!net.isIP(bare)) return { allowed: false, reason: `${ip} is not an IP address` };
  const own = verdictFor(bare, policy);
  if (!own.allowed) return own;
  const inner = embeddedIpv4(bare);
  if ('unlocatable' in inner) return { allowed: false, reason: inner.unlocatable };
  return inner.addresses.map((a) => verdictFor(a, policy)).find((v) => !v.allowed) ?? own;
}

export const isCidr = (text: string) => parseCidr(text) !== null;
