import { operationRoute } from '@/lib/http/operation-route';
import { fleetOperations } from '@/lib/api/operations/fleet-operations';
import { exportInventory } from '@/lib/services/inventory/export-inventory';

export const GET = operationRoute(fleetOperations.inventoryExport, async ({ ctx, query }) => {
  return new Response(await exportInventory(ctx, { includeArchived: query.includeArchived === 'true' }), {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': 'attachment; filename="posture-inventory.yaml"',
      'cache-control': 'no-store',
    },
  });
});
