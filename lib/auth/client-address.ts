import net from 'node:net';

/**
 * The client's address from X-Forwarded-For, counting `trustedHops` proxies from the right (each appends the
 * peer it saw). Next sets the header to the socket's peer only when absent, so without a proxy that rewrites
 * it a client can choose it: the per-address limit is then advisory, and the per-account one still holds.
 */
export function clientAddress(headers: Headers, trustedHops: number): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const picked = entries[entries.length - 1 - trustedHops] ?? entries[0];
  if (!picked) return null;
  const bare = picked.replace(/^\[|\]$/g, '').replace(/^::ffff:/i, '');
  return net.isIP(bare) ? bare : null;
}
