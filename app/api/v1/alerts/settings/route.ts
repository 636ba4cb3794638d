import { operationRoute } from '@/lib/http/operation-route';
import { alertOperations } from '@/lib/api/operations/alert-operations';
import { getSetting } from '@/lib/services/settings/get-setting';
import { updateSetting } from '@/lib/services/settings/update-setting';

export const GET = operationRoute(alertOperations.getSettings, ({ ctx }) => getSetting(ctx, 'alerts'));

export const PUT = operationRoute(alertOperations.updateSettings, ({ ctx, body }) => updateSetting(ctx, 'alerts', body));
