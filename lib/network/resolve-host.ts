import net from 'node:net';
import { hostResolver } from './host-resolver';

/** Every address a host name resolves to (an IP literal is itself), within a timeout; DNS errors keep their codes. */
export async function resolveHost(host: string, timeoutMs: number): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) return [bare];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`DNS lookup of ${host} timed out after ${timeoutMs} ms`), { code: 'EAI_AGAIN' })), timeoutMs);
  });
  try {
    const addresses = await Promise.race([hostResolver.lookup(bare), timeout]);
    if (!addresses.length) throw Object.assign(new Error(`${host} resolves to no address`), { code: 'ENOTFOUND' });
    return addresses;
  } finally {
    clearTimeout(timer);
  }
}
