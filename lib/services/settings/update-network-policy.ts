import type { Prisma } from '../../generated/prisma/client';
import { db } from '../../db';
import type { NetworkPolicy } from '../../network/network-policy';
import { NETWORK_POLICY_KEY, networkPolicySchema, type NetworkPolicyInput } from '../../validations/network-policy';
import { changedFields } from '../audit/redact';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { loadNetworkPolicy } from './load-network-policy';

/** Replaces which private ranges probes may reach (PUT); widening what Posture connects to is an admin's call. Audited. */
export async function updateNetworkPolicy(ctx: ServiceContext, input: NetworkPolicyInput): Promise<NetworkPolicy> {
  authorize(ctx, 'security:override');
  const data = networkPolicySchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await loadNetworkPolicy(tx);
    const value = data as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: NETWORK_POLICY_KEY }, create: { key: NETWORK_POLICY_KEY, value }, update: { value } });
    await writeAudit(tx, ctx, { action: 'network.policy.update', entity: 'setting', entityId: NETWORK_POLICY_KEY, diff: changedFields({ ...before }, { ...data }) });
    return data;
  });
}
