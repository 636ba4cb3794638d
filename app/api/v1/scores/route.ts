import { operationRoute } from '@/lib/http/operation-route';
import { fleetOperations } from '@/lib/api/operations/fleet-operations';
import { getFleetScores } from '@/lib/services/fleet/get-fleet-scores';

export const GET = operationRoute(fleetOperations.scores, ({ ctx }) => getFleetScores(ctx));
