import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { updateUser } from '@/lib/services/users/update-user';
import type { UpdateUserInput } from '@/lib/validations/user';

export const PATCH = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await updateUser(ctx, id, (await readJson(req)) as UpdateUserInput));
});
