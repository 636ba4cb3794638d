import { operationRoute } from '@/lib/http/operation-route';
import { alertOperations } from '@/lib/api/operations/alert-operations';
import { getAlertSettings } from '@/lib/services/alerts/get-alert-settings';
import { updateAlertSettings } from '@/lib/services/alerts/update-alert-settings';

export const GET = operationRoute(alertOperations.getSettings, ({ ctx }) => getAlertSettings(ctx));

export const PUT = operationRoute(alertOperations.updateSettings, ({ ctx, body }) => updateAlertSettings(ctx, body));
