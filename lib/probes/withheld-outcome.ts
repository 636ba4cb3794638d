import { CredentialWithheldError } from './credential-withheld-error';
import type { ProbeOutcome } from './observations/probe-outcome';

/** A withheld credential as a probe outcome: an error (Posture could not tell), with what the page needs to fix it. */
export function withheldOutcome<T>(e: CredentialWithheldError): ProbeOutcome<T> {
  return { status: 'error', message: e.message, withheld: { reason: e.reason, spkiSha256: e.spkiSha256 } };
}
