import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { pinTargetCertificate } from '@/lib/services/targets/pin-target-certificate';
import { pinCertificateSchema } from '@/lib/validations/tls-pin';

export const PUT = operationRoute(databaseOperations.pinCertificate, async ({ ctx, params, body }) =>
  pinTargetCertificate(ctx, params.id, pinCertificateSchema.parse(await body())),
);

export const DELETE = operationRoute(databaseOperations.unpinCertificate, async ({ ctx, params }) => pinTargetCertificate(ctx, params.id, { spkiSha256: null }));
