import { operationRoute } from '@/lib/http/operation-route';
import { settingsOperations } from '@/lib/api/operations/settings-operations';
import { networkPolicySetting } from '@/lib/services/settings/network-policy-setting';

export const GET = operationRoute(settingsOperations.getNetworkPolicy, ({ ctx }) => networkPolicySetting.get(ctx));

export const PUT = operationRoute(settingsOperations.updateNetworkPolicy, ({ ctx, body }) => networkPolicySetting.update(ctx, body));
