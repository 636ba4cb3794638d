import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { revokeApiToken } from '@/lib/services/tokens/revoke-api-token';

/** Revokes the token; it stays listed as revoked, for the record. */
export const DELETE = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await revokeApiToken(ctx, { id }));
});
