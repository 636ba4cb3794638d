import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { getTarget } from '@/lib/services/targets/get-target';
import { updateTarget } from '@/lib/services/targets/update-target';
import { deleteTarget } from '@/lib/services/targets/delete-target';
import type { UpdateTargetInput } from '@/lib/validations/target';

export const GET = apiRoute<{ id: string }>(async (_req, { id }) => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await getTarget(ctx, id));
});

export const PATCH = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await updateTarget(ctx, id, (await readJson(req)) as UpdateTargetInput));
});

export const DELETE = apiRoute<{ id: string }>(async (_req, { id }) => {
  const ctx = await requireApiCaller();
  await deleteTarget(ctx, id);
  return new NextResponse(null, { status: 204 });
});
