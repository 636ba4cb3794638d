import type { ProbeOutcome } from '../probes/observations';

/**
 * Runs one probe under its own deadline and the scan's signal. A probe that overruns is aborted and reported
 * as an error, so one hung dependency never stalls the scan or the targets queued behind it.
 */
export async function withProbeTimeout<T>(
  name: string,
  timeoutMs: number,
  parent: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<ProbeOutcome<T>>,
): Promise<ProbeOutcome<T>> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort();
  parent?.addEventListener('abort', onParentAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ProbeOutcome<T>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ status: 'error', message: `${name} probe timed out after ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      run(controller.signal).catch((e: unknown): ProbeOutcome<T> => ({ status: 'error', message: e instanceof Error ? e.message : String(e) })),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  }
}
