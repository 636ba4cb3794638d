import net from 'node:net';

/** The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), else null. */
export function embeddedIpv4(ip: string): string | null {
  if (net.isIP(ip) !== 6) return null;
  const words = expandIpv6(ip);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  if (zero(0, 5) && (words[5] === 0xffff || (words[5] === 0 && (words[6]! | words[7]!) > 1))) return v4(words[6]!, words[7]!);
  if (words[0] === 0x64 && words[1] === 0xff9b && zero(2, 6)) return v4(words[6]!, words[7]!);
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  return null;
}

function expandIpv6(ip: string): number[] | null {
  const zone = ip.indexOf('%');
  let text = (zone === -1 ? ip : ip.slice(0, zone)).toLowerCase();
  // net.isIP passed, so a dotted quad can only be the last group
  const last = text.lastIndexOf(':') + 1;
  if (text.includes('.', last)) {
    const b = text.slice(last).split('.').map(Number);
    text = text.slice(0, last) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const fill = 8 - h.length - t.length;
  if (fill < 0 || (tail === undefined && fill !== 0)) return null;
  return [...h, ...Array<number>(fill).fill(0), ...t];
}
