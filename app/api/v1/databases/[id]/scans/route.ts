import { operationRoute } from '@/lib/http/operation-route';
import { scanOperations } from '@/lib/api/operations/scan-operations';
import { requestScan } from '@/lib/services/scans/request-scan';

export const POST = operationRoute(scanOperations.request, ({ ctx, params }) =>
  requestScan(ctx, { targetId: params.id, trigger: ctx.actor.kind === 'token' ? 'api' : 'manual' }),
);
