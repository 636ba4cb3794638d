import { operationRoute } from '@/lib/http/operation-route';
import { discoveryOperations } from '@/lib/api/operations/discovery-operations';
import { discoverySetting } from '@/lib/services/settings/discovery-setting';

export const GET = operationRoute(discoveryOperations.getSettings, ({ ctx }) => discoverySetting.get(ctx));

export const PUT = operationRoute(discoveryOperations.updateSettings, ({ ctx, body }) => discoverySetting.update(ctx, body));
