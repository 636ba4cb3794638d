import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { exportInventory } from '@/lib/services/inventory/export-inventory';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller();
  const includeArchived = req.nextUrl.searchParams.get('includeArchived') === 'true';
  return new Response(await exportInventory(ctx, { includeArchived }), {
    headers: {
      'content-type': 'text/yaml; charset=utf-8',
      'content-disposition': 'attachment; filename="posture-inventory.yaml"',
      'cache-control': 'no-store',
    },
  });
});
