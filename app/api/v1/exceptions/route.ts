import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { createException } from '@/lib/services/exceptions/create-exception';
import { listExceptions } from '@/lib/services/exceptions/list-exceptions';
import type { CreateExceptionInput } from '@/lib/validations/exception';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await listExceptions(ctx, Object.fromEntries(req.nextUrl.searchParams)));
});

export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await createException(ctx, (await readJson(req)) as CreateExceptionInput), { status: 201 });
});
