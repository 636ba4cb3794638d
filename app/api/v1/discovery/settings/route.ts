import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import type { DiscoverySettingsInput } from '@/lib/discovery/discovery-settings';
import { getDiscoverySettings } from '@/lib/services/discovery/get-discovery-settings';
import { updateDiscoverySettings } from '@/lib/services/discovery/update-discovery-settings';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await getDiscoverySettings(ctx));
});

export const PUT = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await updateDiscoverySettings(ctx, (await readJson(req)) as DiscoverySettingsInput));
});
