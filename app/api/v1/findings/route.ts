import { operationRoute } from '@/lib/http/operation-route';
import { fleetOperations } from '@/lib/api/operations/fleet-operations';
import { listFindings } from '@/lib/services/findings/list-findings';

export const GET = operationRoute(fleetOperations.findings, ({ ctx, query }) => listFindings(ctx, query));
