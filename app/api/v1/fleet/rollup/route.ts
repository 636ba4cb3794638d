import { operationRoute } from '@/lib/http/operation-route';
import { fleetOperations } from '@/lib/api/operations/fleet-operations';
import { rollupFleet } from '@/lib/services/fleet/rollup-fleet';

export const POST = operationRoute(fleetOperations.rollup, async ({ ctx }) => ({ snapshot: await rollupFleet(ctx) }));
