import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { createApiToken } from '@/lib/services/tokens/create-api-token';
import { listApiTokens } from '@/lib/services/tokens/list-api-tokens';
import type { CreateApiTokenInput } from '@/lib/validations/api/api-token-schemas';

/** Admins only (tokens:manage, which no token scope grants): a token can never mint or list tokens. */
export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json({ items: await listApiTokens(ctx) });
});

export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  const created = await createApiToken(ctx, (await readJson(req)) as CreateApiTokenInput);
  return NextResponse.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
