import { operationRoute } from '@/lib/http/operation-route';
import { discoveryOperations } from '@/lib/api/operations/discovery-operations';
import { runDiscovery } from '@/lib/services/discovery/run-discovery';

export const POST = operationRoute(discoveryOperations.run, ({ ctx }) => runDiscovery(ctx, { trigger: 'api' }));
