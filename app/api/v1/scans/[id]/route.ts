import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { getScan } from '@/lib/services/scans/get-scan';

export const GET = apiRoute<{ id: string }>(async (_req, { id }) => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await getScan(ctx, id));
});
