import { operationRoute } from '@/lib/http/operation-route';
import { fleetOperations } from '@/lib/api/operations/fleet-operations';
import { importInventory } from '@/lib/services/inventory/import-inventory';

/** The body is the raw YAML file; `?allowLiteralPasswords=true` accepts `password:` values (sealed on arrival). */
export const POST = operationRoute(fleetOperations.inventoryImport, ({ ctx, query, body }) =>
  importInventory(ctx, { yaml: body, allowLiteralPasswords: query.allowLiteralPasswords === 'true' }),
);
