import { currentNetworkPolicy } from './scan-network-policy';
import { checkAddress, defaultNetworkPolicy, type NetworkPolicy } from './network-policy';
import { resolveHost } from './resolve-host';

/** Thrown when every address of a host is refused by the network policy; `code` lets probes classify it. */
export class NetworkPolicyError extends Error {
  readonly code = 'EPOLICY';
  constructor(message: string) {
    super(message);
    this.name = 'NetworkPolicyError';
  }
}

/**
 * Resolves a host right before connecting and returns one address the policy allows. The caller connects
 * to that address, never to the name again, so an answer that changes after this check (DNS rebinding) is
 * never used. Any refused address in the answer refuses the host, as at save.
 */
export async function resolveCheckedAddress(host: string, timeoutMs: number, policy: NetworkPolicy = currentNetworkPolicy() ?? defaultNetworkPolicy): Promise<string> {
  const addresses = await resolveHost(host, timeoutMs);
  for (const ip of addresses) {
    const v = checkAddress(ip, policy);
    if (!v.allowed) throw new NetworkPolicyError(`refused by Posture's network policy: ${host === ip ? '' : `${host} → `}${v.reason}`);
  }
  return addresses[0]!;
}
