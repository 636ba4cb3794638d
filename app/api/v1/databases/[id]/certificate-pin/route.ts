import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { pinTargetCertificate } from '@/lib/services/targets/pin-target-certificate';

export const PUT = operationRoute(databaseOperations.pinCertificate, ({ ctx, params, body }) => pinTargetCertificate(ctx, params.id, body));

export const DELETE = operationRoute(databaseOperations.unpinCertificate, ({ ctx, params }) => pinTargetCertificate(ctx, params.id, { spkiSha256: null }));
