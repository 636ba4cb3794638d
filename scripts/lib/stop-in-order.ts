export interface StoppablePart {
  /** how the messages name it, e.g. "the web server (pid 123)" */
  name: string;
  stop: () => Promise<void>;
  /** ends it at once when its time is up; without one, the stop goes on without waiting for it */
  kill?: () => void;
}

const NOTICE_AFTER_MS = 2_000;
const AFTER_KILL_MS = 1_000;

/** Resolves when `p` settles or after `ms`, whichever is first, leaving no timer behind. */
function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, ms))))]).then(() => clearTimeout(timer));
}

async function stopPart(label: string, part: StoppablePart, deadline: number): Promise<void> {
  let done = false;
  const stopped = part
    .stop()
    .catch((e: unknown) => console.error(`[${label}] ${part.name}: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => (done = true));
  const settled = (ms: number) => within(stopped, ms);
  await settled(Math.min(NOTICE_AFTER_MS, deadline - Date.now()));
  if (done) return;
  const left = deadline - Date.now();
  if (left >= 500) {
    console.log(`[${label}] still stopping: ${part.name} (up to ${Math.ceil(left / 1000)} s more)`);
    await settled(left);
  }
  if (done) return;
  if (!part.kill) {
    console.log(`[${label}] ${part.name} did not stop in time; going on without it`);
    return;
  }
  console.log(`[${label}] ${part.name} did not stop in time; killing it`);
  part.kill();
  await settled(AFTER_KILL_MS);
}

/**
 * Stops `stages` in order (the parts of one stage together) within `budgetMs`: each stage may run until its share
 * of the budget has passed since the start, so time a fast stage leaves goes to the next. A part still stopping
 * after 2 s is named; one still running when its stage's time is up is named and killed.
 */
export async function stopInOrder(label: string, stages: (StoppablePart | null | undefined)[][], budgetMs = 9_000): Promise<void> {
  const started = Date.now();
  const live = stages.map((s) => s.filter((p): p is StoppablePart => Boolean(p))).filter((s) => s.length > 0);
  for (const [i, stage] of live.entries()) {
    const deadline = started + (budgetMs * (i + 1)) / live.length;
    await Promise.all(stage.map((part) => stopPart(label, part, deadline)));
  }
}
