import { operationRoute } from '@/lib/http/operation-route';
import { alertOperations } from '@/lib/api/operations/alert-operations';
import { alertSetting } from '@/lib/services/settings/alert-setting';

export const GET = operationRoute(alertOperations.getSettings, ({ ctx }) => alertSetting.get(ctx));

export const PUT = operationRoute(alertOperations.updateSettings, ({ ctx, body }) => alertSetting.update(ctx, body));
