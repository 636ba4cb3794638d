import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { listTargets } from '@/lib/services/targets/list-targets';
import { createTarget } from '@/lib/services/targets/create-target';
import type { CreateTargetInput } from '@/lib/validations/target';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await listTargets(ctx, Object.fromEntries(req.nextUrl.searchParams)));
});

export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller();
  const created = await createTarget(ctx, (await readJson(req)) as CreateTargetInput);
  return NextResponse.json(created, { status: 201 });
});
