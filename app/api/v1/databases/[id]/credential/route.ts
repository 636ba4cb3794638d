import { operationRoute } from '@/lib/http/operation-route';
import { databaseOperations } from '@/lib/api/operations/database-operations';
import { setTargetCredential } from '@/lib/services/targets/set-target-credential';
import type { CredentialInput } from '@/lib/validations/target';

export const PUT = operationRoute(databaseOperations.setCredential, async ({ ctx, params, body }) => setTargetCredential(ctx, params.id, (await body()) as CredentialInput));
