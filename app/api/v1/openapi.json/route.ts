import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { buildOpenApiDocument } from '@/lib/api/build-openapi-document';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** Any authenticated caller may read the document; it describes the API, never data. */
export const GET = apiRoute(async (req) => {
  await requireApiCaller(req);
  cached ??= buildOpenApiDocument();
  return NextResponse.json(cached);
});
