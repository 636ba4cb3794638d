import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { exportComplianceCsv } from '@/lib/services/compliance/export-compliance-csv';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await exportComplianceCsv(ctx), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="posture-compliance-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
