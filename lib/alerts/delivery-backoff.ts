const BASE_MS = 30_000;
const MAX_MS = 3_600_000;

/** Wait after the n-th failed attempt (1-based): 30 s × 2^(n−1), at most an hour. */
export function deliveryBackoffMs(attempts: number): number {
  return Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
}
