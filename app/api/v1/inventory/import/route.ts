import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { AppError } from '@/lib/errors/app-error';
import { importInventory, MAX_INVENTORY_BYTES } from '@/lib/services/inventory/import-inventory';

const tooLarge = () => new AppError('bad_request', 'The inventory file is larger than 2 MB');

/** The body is the raw YAML file; `?allowLiteralPasswords=true` accepts `password:` values (sealed on arrival). */
export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller();
  // Refuse a declared oversize body before buffering it; the byte count below covers chunked bodies.
  if (Number(req.headers.get('content-length') ?? 0) > MAX_INVENTORY_BYTES) throw tooLarge();
  const yaml = await req.text();
  if (Buffer.byteLength(yaml, 'utf8') > MAX_INVENTORY_BYTES) throw tooLarge();
  const allowLiteralPasswords = req.nextUrl.searchParams.get('allowLiteralPasswords') === 'true';
  return NextResponse.json(await importInventory(ctx, { yaml, allowLiteralPasswords }));
});
