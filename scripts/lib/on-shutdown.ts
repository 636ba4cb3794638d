import { watchLauncherChain } from './launcher-chain';

/**
 * Takes over SIGINT/SIGTERM/SIGHUP so a script stops what it started in order, the store last, exactly once. Only the
 * listeners process.listeners() shows are removed: the tsx CLI's hidden one acknowledges the signal to its parent,
 * which otherwise SIGKILLs this process 60 ms later, mid-shutdown.
 */
export function onShutdown(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const begin = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void stop(signal);
  };
  // SIGHUP is a lost terminal: like SIGTERM, and writing to that terminal may fail (EIO) while we stop.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => begin(signal));
  }
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  // npm (or its sh, or the tsx CLI) SIGKILLed: nobody would signal us any more, so stop as if told to.
  watchLauncherChain(() => begin('SIGTERM'));
}
