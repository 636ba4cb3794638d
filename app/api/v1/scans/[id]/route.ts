import { operationRoute } from '@/lib/http/operation-route';
import { scanOperations } from '@/lib/api/operations/scan-operations';
import { getScan } from '@/lib/services/scans/get-scan';

export const GET = operationRoute(scanOperations.get, ({ ctx, params }) => getScan(ctx, params.id));
