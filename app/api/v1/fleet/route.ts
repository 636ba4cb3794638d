import { operationRoute } from '@/lib/http/operation-route';
import { fleetOperations } from '@/lib/api/operations/fleet-operations';
import { getFleetOverview } from '@/lib/services/fleet/get-fleet-overview';

export const GET = operationRoute(fleetOperations.overview, ({ ctx, query }) => getFleetOverview(ctx, query));
