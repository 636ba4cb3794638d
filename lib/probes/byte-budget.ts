import { formatBytes } from './byte-limits';
import { WireLimitError } from './wire-limit-error';

/** Bytes one probe (or one stream) may still receive; shared by every connection the probe opens. */
export class ByteBudget {
  private used = 0;

  constructor(
    readonly maxBytes: number,
    /** who spends it, for the error: "the redis probe" */
    readonly spender = 'this connection',
    /** what the budget is per: "probe" */
    readonly per = 'connection',
  ) {}

  /** Counts `n` incoming bytes; returns the error to end the stream with once the budget is overspent. */
  spend(n: number): WireLimitError | null {
    this.used += n;
    if (this.used <= this.maxBytes) return null;
    const max = formatBytes(this.maxBytes);
    return new WireLimitError(`the server sent more than ${max} to ${this.spender}; Posture reads at most ${max} per ${this.per}`);
  }
}
