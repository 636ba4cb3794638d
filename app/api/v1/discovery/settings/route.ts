import { operationRoute } from '@/lib/http/operation-route';
import { discoveryOperations } from '@/lib/api/operations/discovery-operations';
import { getDiscoverySettings } from '@/lib/services/discovery/get-discovery-settings';
import { updateDiscoverySettings } from '@/lib/services/discovery/update-discovery-settings';

export const GET = operationRoute(discoveryOperations.getSettings, ({ ctx }) => getDiscoverySettings(ctx));

export const PUT = operationRoute(discoveryOperations.updateSettings, ({ ctx, body }) => updateDiscoverySettings(ctx, body));
