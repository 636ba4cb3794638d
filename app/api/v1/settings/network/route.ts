import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import type { NetworkPolicyInput } from '@/lib/validations/network-policy';
import { getNetworkPolicy } from '@/lib/services/settings/get-network-policy';
import { updateNetworkPolicy } from '@/lib/services/settings/update-network-policy';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await getNetworkPolicy(ctx));
});

export const PUT = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await updateNetworkPolicy(ctx, (await readJson(req)) as NetworkPolicyInput));
});
