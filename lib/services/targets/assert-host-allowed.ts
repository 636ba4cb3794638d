import 'server-only';
import { AppError } from '../../errors/app-error';
import { checkAddress, type NetworkPolicy } from '../../network/network-policy';
import { resolveHost } from '../../network/resolve-host';

/** How long a save waits for DNS; a name that does not resolve yet is saved, and checked again at every connect. */
const SAVE_DNS_TIMEOUT_MS = 2_000;

/**
 * Refuses a target host that is, or resolves to, a link-local or cloud-metadata address, or a private one
 * outside the admin's allow-list. The scan checks again right before connecting (the answer may change).
 */
export async function assertHostAllowed(host: string, policy: NetworkPolicy, path = 'host'): Promise<void> {
  let addresses: string[];
  try {
    addresses = await resolveHost(host, SAVE_DNS_TIMEOUT_MS);
  } catch {
    return;
  }
  for (const ip of addresses) {
    const v = checkAddress(ip, policy);
    if (!v.allowed) {
      const message = `is refused: ${addresses.length === 1 && ip === host ? '' : `${host} resolves to `}${v.reason}`;
      throw new AppError('bad_request', 'Invalid input', [{ path, message }]);
    }
  }
}
