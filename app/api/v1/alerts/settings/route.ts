import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import type { AlertSettingsInput } from '@/lib/alerts/alert-settings';
import { getAlertSettings } from '@/lib/services/alerts/get-alert-settings';
import { updateAlertSettings } from '@/lib/services/alerts/update-alert-settings';

export const GET = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await getAlertSettings(ctx));
});

export const PUT = apiRoute(async (req) => {
  const ctx = await requireApiCaller(req);
  return NextResponse.json(await updateAlertSettings(ctx, (await readJson(req)) as AlertSettingsInput));
});
