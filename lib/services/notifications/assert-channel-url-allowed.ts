import 'server-only';
import { AppError } from '../../errors/app-error';
import type { NetworkPolicy } from '../../network/network-policy';
import { resolveHost } from '../../network/resolve-host';
import { refuseChannelAddress } from '../../alerts/channels/check-channel-url';

const SAVE_DNS_TIMEOUT_MS = 2_000;

/**
 * The save-time half of the channel URL guard, as for targets: a name that does not resolve yet is saved and
 * judged at every send; one that resolves to a refused address is refused now. The message never repeats the URL.
 */
export async function assertChannelUrlAllowed(raw: string, policy: NetworkPolicy, path: string): Promise<void> {
  const url = new URL(raw);
  let addresses: string[];
  try {
    addresses = await resolveHost(url.hostname.replace(/^\[|\]$/g, ''), SAVE_DNS_TIMEOUT_MS);
  } catch {
    return;
  }
  for (const ip of addresses) {
    const why = refuseChannelAddress(url, ip, policy);
    if (why) throw new AppError('bad_request', 'Invalid input', [{ path, message: `is refused: ${url.hostname} → ${why}` }]);
  }
}
