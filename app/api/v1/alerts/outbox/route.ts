import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { listOutbox } from '@/lib/services/alerts/list-outbox';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await listOutbox(ctx, Object.fromEntries(req.nextUrl.searchParams)));
});
