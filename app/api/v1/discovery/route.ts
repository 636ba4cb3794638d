import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { listDiscovery } from '@/lib/services/discovery/list-discovery';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await listDiscovery(ctx));
});
