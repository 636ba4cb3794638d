/** Runs fn `warmup` times unmeasured, then `runs` times one after another; times in milliseconds. */
export async function measure(fn: () => Promise<unknown>, opts: { warmup: number; runs: number }): Promise<{ median: number; p90: number; min: number; max: number; runs: number }> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p90: at(0.9), min: times[0]!, max: times[times.length - 1]!, runs: opts.runs };
}
