import { AsyncLocalStorage } from 'node:async_hooks';
import { ByteBudget } from './byte-budget';
import { PROBE_BYTE_BUDGET } from './byte-limits';

export interface ProbeScope {
  /** what every connection of the probe may receive in all */
  budget: ByteBudget;
  /** ends the probe at once as `error`: a listener on one of its sockets threw */
  fail: (e: unknown) => void;
}

const current = new AsyncLocalStorage<ProbeScope>();

/** Runs one probe in its scope, so each socket it opens (whichever module opens it) draws on its budget. */
export function runInProbeScope<T>(scope: ProbeScope, fn: () => T): T {
  return current.run(scope, fn);
}

export function currentProbeScope(): ProbeScope | undefined {
  return current.getStore();
}

/** The running probe's budget; outside a probe (a test, a one-off call) a fresh one per stream. */
export function currentByteBudget(): ByteBudget {
  return current.getStore()?.budget ?? new ByteBudget(PROBE_BYTE_BUDGET);
}
