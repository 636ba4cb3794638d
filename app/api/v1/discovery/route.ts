import { operationRoute } from '@/lib/http/operation-route';
import { discoveryOperations } from '@/lib/api/operations/discovery-operations';
import { listDiscovery } from '@/lib/services/discovery/list-discovery';

export const GET = operationRoute(discoveryOperations.overview, ({ ctx }) => listDiscovery(ctx));
