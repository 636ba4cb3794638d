import type { PgSessionInput } from './probe-postgres-session';

/**
 * Why the probe must not log in, or null when it may: a password goes only inside TLS, or over plaintext SCRAM
 * when an admin allowed it for this target. Shared by every probe that logs in, so they all obey one rule.
 */
export function pgLoginRefusal(input: Pick<PgSessionInput, 'password' | 'requireTls' | 'tlsOffered' | 'plaintextMethod'>): string | null {
  if (input.password === null) return 'no credential is stored for this target';
  if (!input.tlsOffered && input.requireTls) return 'the server offers no TLS, and Posture never sends a password without it';
  if (!input.tlsOffered && input.plaintextMethod !== 'scram-sha-256') {
    return `without TLS the server asks for ${input.plaintextMethod ?? 'an unknown method'}; Posture logs in over plaintext only with SCRAM`;
  }
  return null;
}
