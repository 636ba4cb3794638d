import { operationRoute } from '@/lib/http/operation-route';
import { metaOperations } from '@/lib/api/operations/meta-operations';
import { buildOpenApiDocument } from '@/lib/api/build-openapi-document';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = operationRoute(metaOperations.openApi, async () => (cached ??= buildOpenApiDocument()));
