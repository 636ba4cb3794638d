/** A target sent more than a reader accepts (see byte-limits.ts): the probe that met it reports `error` with this message. */
export class WireLimitError extends Error {
  readonly code = 'EWIRELIMIT';
  constructor(message: string) {
    super(message);
    this.name = 'WireLimitError';
  }
}

/** Probes that turn a failed read into an observation rethrow limit errors, so the whole probe reports them. */
export function rethrowWireLimit(e: unknown): void {
  if (e instanceof WireLimitError) throw e;
}
