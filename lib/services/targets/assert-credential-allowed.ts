import 'server-only';
import type { z } from 'zod';
import type { CustodyPolicy } from '../../custody/custody-policy';
import { envReferenceRefusal, secretNamespaceRefusal } from '../../custody/judge-credential-reference';
import { AppError } from '../../errors/app-error';
import type { credentialInputSchema } from '../../validations/target';

/**
 * Refuses a credential that points at a variable or Secret the admin's custody policy does not allow: Posture's
 * own variables never, others only by the allowed prefixes and namespaces. `at` is the field path of the input.
 */
export function assertCredentialAllowed(
  credential: z.infer<typeof credentialInputSchema>,
  policy: CustodyPolicy,
  targetNamespace: string | undefined,
  at = 'credential',
): void {
  if (credential.passwordFromEnv !== undefined) {
    const why = envReferenceRefusal(credential.passwordFromEnv, policy);
    if (why) throw new AppError('bad_request', 'Invalid input', [{ path: `${at}.passwordFromEnv`, message: `is refused: ${why}` }]);
  }
  if (credential.passwordFromSecret !== undefined) {
    const why = secretNamespaceRefusal(credential.passwordFromSecret.namespace ?? targetNamespace, policy);
    if (why) throw new AppError('bad_request', 'Invalid input', [{ path: `${at}.passwordFromSecret.namespace`, message: `is refused: ${why}` }]);
  }
}
