import { operationRoute } from '@/lib/http/operation-route';
import { settingsOperations } from '@/lib/api/operations/settings-operations';
import { getSetting } from '@/lib/services/settings/get-setting';
import { updateSetting } from '@/lib/services/settings/update-setting';

export const GET = operationRoute(settingsOperations.getCustodyPolicy, async ({ ctx }) => getSetting(ctx, 'custodyPolicy'));

export const PUT = operationRoute(settingsOperations.updateCustodyPolicy, ({ ctx, body }) => updateSetting(ctx, 'custodyPolicy', body));
