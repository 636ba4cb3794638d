import type { Db, Tx } from '../../db';
import { defaultNetworkPolicy, type NetworkPolicy } from '../../network/network-policy';
import { NETWORK_POLICY_KEY, networkPolicySchema } from '../../validations/network-policy';

/** The admin's allow-list, or the defaults (loopback and private ranges) when none is stored or it no longer parses. */
export async function loadNetworkPolicy(client: Db | Tx): Promise<NetworkPolicy> {
  const row = await client.setting.findUnique({ where: { key: NETWORK_POLICY_KEY } });
  const parsed = networkPolicySchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultNetworkPolicy;
}
