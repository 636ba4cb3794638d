import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { runDiscovery } from '@/lib/services/discovery/run-discovery';

/** Runs one discovery pass now and answers with it; a refused list makes it partial, not a failed request. */
export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await runDiscovery(ctx, { trigger: 'api' }), { status: 201 });
});
