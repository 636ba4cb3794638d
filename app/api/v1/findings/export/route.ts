import { apiRoute } from '@/lib/http/api-route';
import { textStream } from '@/lib/http/text-stream';
import { requireApiCaller } from '@/lib/auth/require-user';
import { exportFindingsCsv } from '@/lib/services/findings/export-findings-csv';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller();
  const csv = await exportFindingsCsv(ctx, Object.fromEntries(req.nextUrl.searchParams));
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
