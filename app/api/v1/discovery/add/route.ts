import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import type { AddDiscoveredInput } from '@/lib/discovery/discovery-inputs';
import { addDiscoveredTargets } from '@/lib/services/discovery/add-discovered-targets';

export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await addDiscoveredTargets(ctx, (await readJson(req)) as AddDiscoveredInput), { status: 201 });
});
