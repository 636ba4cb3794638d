import net from 'node:net';
import { parseIpAddress, type IpAddress } from './parse-ip-address';

export interface TrustedProxy {
  network: IpAddress;
  /** leading bits that must match, counted in the network's own family */
  prefix: number;
}

/**
 * One POSTURE_TRUSTED_PROXIES entry: `10.0.0.7`, `10.0.0.0/8`, `2001:db8::/32`. An IPv4-mapped IPv6 entry is
 * held as the IPv4 network it names; null for anything else (ports, brackets, zone ids, a bad prefix).
 */
export function parseTrustedProxy(text: string): TrustedProxy | null {
  const [address = '', bits, ...rest] = text.trim().split('/');
  const version = net.isIP(address);
  const network = version ? parseIpAddress(address) : null;
  if (rest.length || !network) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  if (version === 6 && network.family === 4) return prefix >= 96 ? { network, prefix: prefix - 96 } : null;
  return { network, prefix };
}

/** Whether an address lies in a trusted network of the same family. */
export function inTrustedProxy(ip: IpAddress, proxy: TrustedProxy): boolean {
  if (ip.family !== proxy.network.family) return false;
  for (let bit = 0; bit < proxy.prefix; bit += 8) {
    const keep = Math.min(8, proxy.prefix - bit);
    const mask = (0xff << (8 - keep)) & 0xff;
    const i = bit / 8;
    if (((ip.bytes[i] ?? 0) & mask) !== ((proxy.network.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}
