import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { setUserPassword } from '@/lib/services/users/set-user-password';
import type { SetPasswordInput } from '@/lib/validations/user';

export const PUT = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller(req);
  await setUserPassword(ctx, id, (await readJson(req)) as SetPasswordInput);
  return new NextResponse(null, { status: 204 });
});
