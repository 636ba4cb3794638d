import { operationRoute } from '@/lib/http/operation-route';
import { fleetOperations } from '@/lib/api/operations/fleet-operations';
import { textStream } from '@/lib/http/text-stream';
import { exportFindingsCsv } from '@/lib/services/findings/export-findings-csv';

export const GET = operationRoute(fleetOperations.findingsCsv, async ({ ctx, query }) => {
  const csv = await exportFindingsCsv(ctx, query);
  return new Response(textStream(csv.chunks), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csv.filename}"`,
      'cache-control': 'no-store',
      'x-total-count': String(csv.total),
      ...(csv.truncated ? { 'x-truncated': 'true' } : {}),
    },
  });
});
