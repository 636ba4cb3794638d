import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { getComplianceReport } from '@/lib/services/compliance/get-compliance-report';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await getComplianceReport(ctx), { headers: { 'cache-control': 'no-store' } });
});
