/** What every probe returns: its data, a skip with the reason, or an error. */
/** Why a login did not happen although a credential exists: Posture kept it from an unproven server or by policy. */
export interface CredentialWithheld {
  reason: string;
  /** the served leaf's key (base64 SHA-256 of its SPKI) that an admin may pin; null when none was seen */
  spkiSha256: string | null;
}

export type ProbeOutcome<T> =
  | { status: 'ok'; data: T }
  | { status: 'skipped'; reason: string }
  | { status: 'error'; message: string; withheld?: CredentialWithheld };
