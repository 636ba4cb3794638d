import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { rollupFleet } from '@/lib/services/fleet/rollup-fleet';

/** Admin-only: writes today's fleet snapshot now instead of at the next quarter-hour roll-up. */
export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json({ snapshot: await rollupFleet(ctx) });
});
