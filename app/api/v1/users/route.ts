import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { listUsers } from '@/lib/services/users/list-users';
import { createUser } from '@/lib/services/users/create-user';
import type { CreateUserInput } from '@/lib/validations/user';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json({ items: await listUsers(ctx) });
});

export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await createUser(ctx, (await readJson(req)) as CreateUserInput), { status: 201 });
});
