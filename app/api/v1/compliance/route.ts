import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { getComplianceReport } from '@/lib/services/compliance/get-compliance-report';

export const GET = apiRoute(async () => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await getComplianceReport(ctx), { headers: { 'cache-control': 'no-store' } });
});
