import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { listTargetChecks } from '@/lib/services/checks/list-target-checks';

export const GET = apiRoute<{ id: string }>(async (_req, { id }) => {
  const ctx = await requireApiCaller();
  return NextResponse.json({ items: await listTargetChecks(ctx, id) });
});
