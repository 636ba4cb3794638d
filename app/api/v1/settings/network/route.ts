import { operationRoute } from '@/lib/http/operation-route';
import { settingsOperations } from '@/lib/api/operations/settings-operations';
import { getNetworkPolicy } from '@/lib/services/settings/get-network-policy';
import { updateNetworkPolicy } from '@/lib/services/settings/update-network-policy';
import type { NetworkPolicy } from '@/lib/network/network-policy';

const asBody = (p: NetworkPolicy) => ({ allowedPrivateRanges: [...p.allowedPrivateRanges] });

export const GET = operationRoute(settingsOperations.getNetworkPolicy, async ({ ctx }) => asBody(await getNetworkPolicy(ctx)));

export const PUT = operationRoute(settingsOperations.updateNetworkPolicy, async ({ ctx, body }) => asBody(await updateNetworkPolicy(ctx, body)));
