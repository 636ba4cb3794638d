import type { RedisObservation } from '../../probes/observations/redis';
import type { CheckVerdict, JsonValue } from '../check-definition';

/** Why the probe could not ask Redis anything, for checks that need a session; null when it could. */
export function redisSessionSkip(r: RedisObservation): string | null {
  if (r.session === 'none') return `no Redis session: TLS failed on port ${r.tls.port} (${r.tls.error ?? 'unknown'}) and the port does not answer plaintext Redis`;
  return null;
}

/** Why the probe could not log in, for checks that need to read ACL or configuration; null when it did. */
export function redisLoginSkip(r: RedisObservation): string | null {
  const session = redisSessionSkip(r);
  if (session) return session;
  if (r.login === 'ok' || r.login === 'not-needed') return null;
  if (r.login === 'no-credential') return 'Redis requires a password and no credential is configured for this target';
  if (r.login === 'not-over-plaintext') return 'Redis offers no TLS, so the probe does not send its password';
  if (r.login === 'rejected') return `the probe's login was refused: ${r.loginMessage ?? 'no reason given'}`;
  if (r.login === 'withheld') return `credential withheld: ${r.withheld?.reason ?? 'the server is not verified'}`;
  return 'the probe did not log in';
}

/**
 * The verdict of a check that needs the probe's login when there was none: error when Posture withheld the credential
 * (it could not tell, so the grade must not look good), skip otherwise; null when the probe did log in.
 */
export function redisLoginVerdict(r: RedisObservation, evidence: Record<string, JsonValue>): CheckVerdict | null {
  const why = redisLoginSkip(r);
  if (why === null) return null;
  if (r.login === 'withheld' && r.withheld) {
    return { status: 'error', summary: why, evidence: { ...evidence, credentialWithheld: { reason: r.withheld.reason, spkiSha256: r.withheld.spkiSha256 } } };
  }
  return { status: 'skip', summary: why, evidence };
}
