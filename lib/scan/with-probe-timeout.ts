import { ByteBudget } from '../probes/byte-budget';
import { PROBE_BYTE_BUDGET } from '../probes/byte-limits';
import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import { runInProbeScope } from '../probes/probe-scope';
import { WireLimitError } from '../probes/wire-limit-error';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs one probe under its own deadline and the scan's signal, so one hung dependency never stalls the scan. Every
 * socket the probe opens draws on one byte budget, and a throw in a listener of one of them ends the probe at once
 * as an error, never the worker.
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
      const message = `${name} probe timed out after ${Math.round(timeoutMs / 1000)} s`;
      controller.abort(new Error(message));
      resolve({ status: 'error', message });
    }, timeoutMs);
  });
  let strayThrow: (o: ProbeOutcome<T>) => void = () => {};
  const stray = new Promise<ProbeOutcome<T>>((resolve) => (strayThrow = resolve));
  const fail = (e: unknown) => {
    const message = e instanceof WireLimitError ? e.message : `the ${name} probe stopped on what the server sent: ${messageOf(e)}`;
    controller.abort(new Error(message));
    strayThrow({ status: 'error', message });
  };
  const scope = { budget: new ByteBudget(PROBE_BYTE_BUDGET, `the ${name} probe`, 'probe'), fail };
  try {
    return await Promise.race([
      runInProbeScope(scope, () => run(controller.signal)).catch((e: unknown): ProbeOutcome<T> => ({ status: 'error', message: messageOf(e) })),
      deadline,
      stray,
    ]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  }
}
