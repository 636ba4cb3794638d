import net from 'node:net';

/** The IPv4 addresses an IPv6 address stands for, or why it stands for one that cannot be located. */
export type EmbeddedIpv4 = { addresses: string[] } | { unlocatable: string };

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * The IPv4 addresses an IPv6 one carries: mapped ::ffff:a.b.c.d, SIIT ::ffff:0:a.b.c.d, compatible ::a.b.c.d, NAT64
 * 64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32 (server and client) and ISATAP. The local-use NAT64 range
 * 64:ff9b:1::/48 (RFC 8215) places the IPv4 address where the operator's prefix length says, so it is unlocatable.
 */
export function embeddedIpv4(ip: string): EmbeddedIpv4 {
  if (net.isIP(ip) !== 6) return { addresses: [] };
  const w = expandIpv6(ip);
  if (!w) return { addresses: [] };
  const zero = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  const tail = v4(w[6]!, w[7]!);
  if (zero(0, 5) && (w[5] === 0xffff || (w[5] === 0 && (w[6]! | w[7]!) > 1))) return { addresses: [tail] };
  if (zero(0, 4) && w[4] === 0xffff && w[5] === 0) return { addresses: [tail] };
  if (w[0] === 0x64 && w[1] === 0xff9b) {
    if (zero(2, 6)) return { addresses: [tail] };
    return { unlocatable: `${ip} is in a NAT64 range (64:ff9b::/32 outside 64:ff9b::/96) whose IPv4 address Posture cannot locate` };
  }
  if (w[0] === 0x2002) return { addresses: [v4(w[1]!, w[2]!)] };
  if (w[0] === 0x2001 && w[1] === 0) return { addresses: [v4(w[2]!, w[3]!), v4(~w[6]! & 0xffff, ~w[7]! & 0xffff)] };
  if ((w[4] === 0 || w[4] === 0x200) && w[5] === 0x5efe) return { addresses: [tail] };
  return { addresses: [] };
}

function expandIpv6(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const b = last.split('.').map(Number);
    if (b.length !== 4 || b.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return null;
    text = `${text.slice(0, lastColon + 1)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const parse = (s: string) => (s ? s.split(':').map((x) => parseInt(x, 16)) : []);
  const h = parse(head);
  const t = rest === undefined ? [] : parse(rest);
  const fill = 8 - h.length - t.length;
  if (fill < 0 || (rest === undefined && fill !== 0)) return null;
  return [...h, ...Array<number>(fill).fill(0), ...t];
}
