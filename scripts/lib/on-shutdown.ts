/**
 * Takes over SIGINT/SIGTERM so a script stops what it started in order, the store last, exactly once. Only the
 * listeners process.listeners() shows are removed: the tsx CLI's hidden one acknowledges the signal to its parent,
 * which otherwise SIGKILLs this process 60 ms later, mid-shutdown.
 */
export function onShutdown(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop(signal);
    });
  }
}
