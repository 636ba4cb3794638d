/**
 * Remembers one computed value for `ttlMs`, and lets concurrent callers share a single computation in flight
 * (no stampede on expiry). A failed computation is not remembered. ttlMs 0 turns it off.
 */
export function ttlMemo<T>(compute: () => Promise<T>, ttlMs: () => number, clock: () => number = Date.now) {
  let value: { at: number; data: T } | null = null;
  let pending: Promise<T> | null = null;
  return function get(): Promise<T> {
    const ttl = ttlMs();
    if (ttl > 0 && value && clock() - value.at < ttl) return Promise.resolve(value.data);
    if (pending) return pending;
    const started = clock();
    pending = compute()
      .then((data) => {
        value = { at: started, data };
        return data;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
