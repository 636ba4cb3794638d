import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { sendTestEmail } from '@/lib/services/alerts/send-test-email';
import type { SendTestEmailInput } from '@/lib/validations/outbox';

export const POST = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await sendTestEmail(ctx, (await readJson(req)) as SendTestEmailInput), { status: 201 });
});
