import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { deliverOutboxNow } from '@/lib/services/alerts/deliver-outbox-now';

export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await deliverOutboxNow(ctx));
});
