import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { retryOutbox } from '@/lib/services/alerts/retry-outbox';

export const POST = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await retryOutbox(ctx, id));
});
