import { operationRoute } from '@/lib/http/operation-route';
import { settingsOperations } from '@/lib/api/operations/settings-operations';
import { custodyPolicySetting } from '@/lib/services/settings/custody-policy-setting';

export const GET = operationRoute(settingsOperations.getCustodyPolicy, async ({ ctx }) => custodyPolicySetting.get(ctx));

export const PUT = operationRoute(settingsOperations.updateCustodyPolicy, ({ ctx, body }) => custodyPolicySetting.update(ctx, body));
