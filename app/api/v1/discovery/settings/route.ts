import { operationRoute } from '@/lib/http/operation-route';
import { discoveryOperations } from '@/lib/api/operations/discovery-operations';
import { getSetting } from '@/lib/services/settings/get-setting';
import { updateSetting } from '@/lib/services/settings/update-setting';

export const GET = operationRoute(discoveryOperations.getSettings, ({ ctx }) => getSetting(ctx, 'discovery'));

export const PUT = operationRoute(discoveryOperations.updateSettings, ({ ctx, body }) => updateSetting(ctx, 'discovery', body));
