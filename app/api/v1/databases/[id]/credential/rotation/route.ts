import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { recordRotation } from '@/lib/services/targets/record-rotation';

export const POST = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller();
  const body = req.headers.get('content-length') === '0' ? {} : await readJson(req);
  return NextResponse.json(await recordRotation(ctx, id, body as { rotatedAt?: string }));
});
