import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { getFleetOverview } from '@/lib/services/fleet/get-fleet-overview';

/** The fleet overview: grade with and without exceptions, trend (?days=7|30|90), and the attention lists. */
export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await getFleetOverview(ctx, Object.fromEntries(req.nextUrl.searchParams)));
});
