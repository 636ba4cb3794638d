import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readPostmasterPid } from '../../lib/store/postmaster-process';
import { portInUseMessage } from '../../lib/store/port-in-use-message';

export interface NeededPort {
  port: number;
  /** who needs it and how to choose another, e.g. "the web server; PORT chooses another" */
  what: string;
}

/** Postmasters on the store's and the lab's data folders: their own leftover handling stops or names them. */
function ownPostmasters(dataDir: string): Set<number> {
  const lab = path.join(dataDir, 'lab');
  const dirs = [path.join(dataDir, 'pg'), path.join(lab, 'template')];
  if (existsSync(lab)) for (const name of readdirSync(lab)) dirs.push(path.join(lab, name, 'data'));
  return new Set(dirs.flatMap((d) => readPostmasterPid(d) ?? []));
}

/**
 * Before anything starts: every port this run will listen on must be free. Throws one line per port in use,
 * naming the pid and command that hold it and how to end it (a leftover of a killed run, typically). The
 * postmasters of `dataDir`'s store and lab are left to the store's own leftover handling.
 */
export function assertPortsFree(ports: NeededPort[], dataDir?: string): void {
  const ours = dataDir ? ownPostmasters(dataDir) : new Set<number>();
  const problems = ports.flatMap(({ port, what }) => (port > 0 ? (portInUseMessage(port, what, ours) ?? []) : []));
  if (problems.length) throw new Error(problems.join('\n'));
}
