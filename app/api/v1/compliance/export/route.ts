import { operationRoute } from '@/lib/http/operation-route';
import { complianceOperations } from '@/lib/api/operations/compliance-operations';
import { exportComplianceCsv } from '@/lib/services/compliance/export-compliance-csv';

export const GET = operationRoute(complianceOperations.csv, async ({ ctx }) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await exportComplianceCsv(ctx), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="posture-compliance-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
