import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { revokeException } from '@/lib/services/exceptions/revoke-exception';

export const POST = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await revokeException(ctx, id));
});
