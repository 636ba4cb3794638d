import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { requestScan } from '@/lib/services/scans/request-scan';

export const POST = apiRoute<{ id: string }>(async (_req, { id }) => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await requestScan(ctx, { targetId: id, trigger: 'manual' }), { status: 202 });
});
