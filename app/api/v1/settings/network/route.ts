import { operationRoute } from '@/lib/http/operation-route';
import { settingsOperations } from '@/lib/api/operations/settings-operations';
import { getSetting } from '@/lib/services/settings/get-setting';
import { updateSetting } from '@/lib/services/settings/update-setting';

export const GET = operationRoute(settingsOperations.getNetworkPolicy, ({ ctx }) => getSetting(ctx, 'networkPolicy'));

export const PUT = operationRoute(settingsOperations.updateNetworkPolicy, ({ ctx, body }) => updateSetting(ctx, 'networkPolicy', body));
