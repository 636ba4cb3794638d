import { NextResponse } from 'next/server';
import { apiRoute, readJson } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { setTargetCredential } from '@/lib/services/targets/set-target-credential';
import type { CredentialInput } from '@/lib/validations/target';

export const PUT = apiRoute<{ id: string }>(async (req, { id }) => {
  const ctx = await requireApiCaller();
  return NextResponse.json(await setTargetCredential(ctx, id, (await readJson(req)) as CredentialInput));
});
