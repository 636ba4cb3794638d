import { findPortHolders } from './find-port-holder';

/**
 * Null when nothing listens on `port` (or only the pids in `ignore` do); else a sentence naming the process holding
 * it and how to end it. `what` says who needs the port and how to choose another, e.g. "the web server; PORT".
 */
export function portInUseMessage(port: number, what: string, ignore: ReadonlySet<number> = new Set()): string | null {
  const holders = findPortHolders(port).filter((h) => h.pid === null || !ignore.has(h.pid));
  const first = holders[0];
  if (!first) return null;
  if (first.pid === null) {
    return `Port ${port} (${what}) is in use by a process of uid ${first.uid} that this user cannot see; find it with: sudo ss -ltnp 'sport = :${port}'`;
  }
  const more = holders.length > 1 ? ` (and ${holders.length - 1} more sharing its socket)` : '';
  return (
    `Port ${port} (${what}) is in use by pid ${first.pid}${more} (${first.command ?? 'command unknown'}). ` +
    `If it is left over from an earlier run, end it with: kill ${first.pid}`
  );
}
