import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { listFindings } from '@/lib/services/findings/list-findings';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await listFindings(ctx, Object.fromEntries(req.nextUrl.searchParams)));
});
