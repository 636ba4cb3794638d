import { operationRoute } from '@/lib/http/operation-route';
import { discoveryOperations } from '@/lib/api/operations/discovery-operations';
import { addDiscoveredTargets } from '@/lib/services/discovery/add-discovered-targets';

export const POST = operationRoute(discoveryOperations.add, ({ ctx, body }) => addDiscoveredTargets(ctx, body));
