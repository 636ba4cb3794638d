import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { listDiscovery } from '@/lib/services/discovery/list-discovery';

export const GET = apiRoute(async () => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await listDiscovery(ctx));
});
