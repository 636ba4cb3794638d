import { operationRoute } from '@/lib/http/operation-route';
import { fleetOperations } from '@/lib/api/operations/fleet-operations';
import { AppError } from '@/lib/errors/app-error';
import { importInventory, MAX_INVENTORY_BYTES } from '@/lib/services/inventory/import-inventory';

const tooLarge = () => new AppError('bad_request', 'The inventory file is larger than 2 MB', [{ path: '(body)', message: 'is larger than 2 MB' }]);

/** The body is the raw YAML file; `?allowLiteralPasswords=true` accepts `password:` values (sealed on arrival). */
export const POST = operationRoute(fleetOperations.inventoryImport, async ({ ctx, query, body, req }) => {
  // Refuse a declared oversize body before buffering it; the byte count below covers chunked bodies.
  if (Number(req.headers.get('content-length') ?? 0) > MAX_INVENTORY_BYTES) throw tooLarge();
  const yaml = (await body()) as string;
  if (Buffer.byteLength(yaml, 'utf8') > MAX_INVENTORY_BYTES) throw tooLarge();
  return importInventory(ctx, { yaml, allowLiteralPasswords: query.allowLiteralPasswords === 'true' });
});
