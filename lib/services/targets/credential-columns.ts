import 'server-only';
import { sealSecret } from '../../crypto/envelope';
import type { Keyring } from '../../crypto/keyring';
import { credentialBinding, type CredentialEndpoint } from '../../crypto/credential-binding';
import type { z } from 'zod';
import type { credentialInputSchema } from '../../validations/target';

type ParsedCredential = z.infer<typeof credentialInputSchema>;

/** Whether the input brings a secret of its own (a password or a reference), rather than a user name alone. */
export const suppliesSecret = (input: ParsedCredential) =>
  input.password !== undefined || input.passwordFromEnv !== undefined || input.passwordFromSecret !== undefined;

/**
 * Turns a credential input into stored columns: a typed password is sealed at once, bound to its target and
 * endpoint; references are kept as-is. A user name alone keeps whatever secret is stored.
 */
export function credentialColumns(input: ParsedCredential, bindTo: { targetId: string; endpoint: CredentialEndpoint }, keyring: () => Keyring, now = new Date()) {
  if (input.password !== undefined) {
    const sealed = sealSecret(keyring(), input.password, credentialBinding(bindTo.targetId, bindTo.endpoint));
    return { username: input.username, ciphertext: sealed.ciphertext, keyId: sealed.keyId, source: 'manual' as const, reference: null, rotatedAt: now };
  }
  if (input.passwordFromEnv) {
    return { username: input.username, ciphertext: null, keyId: null, source: 'env' as const, reference: input.passwordFromEnv, rotatedAt: null };
  }
  if (input.passwordFromSecret) {
    const s = input.passwordFromSecret;
    return {
      username: input.username,
      ciphertext: null,
      keyId: null,
      source: 'k8s_secret' as const,
      reference: `${s.namespace ? `${s.namespace}/` : ''}${s.name}#${s.key}`,
      rotatedAt: null,
    };
  }
  return { username: input.username };
}

/** What the audit log records about a credential change: where the secret lives, never the secret. */
export function describeCredential(input: ParsedCredential) {
  return {
    username: input.username,
    passwordSet: input.password !== undefined,
    passwordFromEnv: input.passwordFromEnv,
    passwordFromSecret: input.passwordFromSecret,
  };
}
