/** Runs `count` tasks, `concurrency` at a time, and returns each task's wall time in ms (in completion order). */
export async function runPool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ times: number[]; elapsedMs: number }> {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const s = performance.now();
        await task(i);
        times.push(performance.now() - s);
      }
    }),
  );
  return { times, elapsedMs: performance.now() - t0 };
}

