/** Thrown instead of sending a credential to a server that has not proved who it is; nothing secret was sent. */
export class CredentialWithheldError extends Error {
  readonly code = 'ECREDENTIALWITHHELD';
  constructor(
    readonly reason: string,
    /** the served leaf's key (base64 SHA-256 of its SPKI), for the "trust this certificate" action; null when unknown */
    readonly spkiSha256: string | null = null,
  ) {
    super(`credential withheld: ${reason}`);
    this.name = 'CredentialWithheldError';
  }
}
