import net from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  /** 4 or 16 bytes, network order; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) comes back as the IPv4 one */
  bytes: number[];
}

/** `''` or `:<port>` after an address, as some proxies write `1.2.3.4:5678` or `[2001:db8::1]:443`. */
const portSuffix = (s: string) => s === '' || /^:\d{1,5}$/.test(s);

/**
 * An address as it appears in X-Forwarded-For or a socket: bare, `[v6]`, `[v6]:port` or `v4:port`. Zone ids
 * (`fe80::1%eth0`) and anything else are refused with null, never guessed at.
 */
export function parseIpAddress(text: string): IpAddress | null {
  let s = text.trim();
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0 || !portSuffix(s.slice(end + 1))) return null;
    s = s.slice(1, end);
  } else if (s.includes('.') && s.indexOf(':') > 0 && s.indexOf(':') === s.lastIndexOf(':')) {
    const colon = s.indexOf(':');
    if (!portSuffix(s.slice(colon))) return null;
    s = s.slice(0, colon);
  }
  const version = net.isIP(s);
  if (version === 4) return { family: 4, bytes: s.split('.').map(Number) };
  if (version !== 6 || s.includes('%')) return null;
  const bytes = ipv6Bytes(s);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { family: 4, bytes: bytes.slice(12) } : { family: 6, bytes };
}

/** The 16 bytes of an address net.isIP already accepted as IPv6 (so the shape is known to be valid). */
function ipv6Bytes(s: string): number[] {
  const words = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((w) => {
          if (!w.includes('.')) return [parseInt(w, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = w.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = '', tail] = s.split('::');
  const h = words(head);
  const t = tail === undefined ? [] : words(tail);
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t].flatMap((w) => [w >> 8, w & 255]);
}
