import { sealSecret } from '../../crypto/envelope';
import type { Keyring } from '../../crypto/keyring';
import type { z } from 'zod';
import type { credentialInputSchema } from '../../validations/target';

type ParsedCredential = z.infer<typeof credentialInputSchema>;

/** Turns a credential input into stored columns: a typed password is sealed at once, references are kept as-is. */
export function credentialColumns(input: ParsedCredential, keyring: () => Keyring, now = new Date()) {
  if (input.password !== undefined) {
    const sealed = sealSecret(keyring(), input.password);
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
