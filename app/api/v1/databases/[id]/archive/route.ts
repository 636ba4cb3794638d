import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { setTargetArchived } from '@/lib/services/targets/set-target-archived';

export const POST = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await setTargetArchived(ctx, id, (await readJson(req)) as { archived: boolean }));
});
