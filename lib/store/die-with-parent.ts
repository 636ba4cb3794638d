import { existsSync } from 'node:fs';

const setpriv = '/usr/bin/setpriv';

/**
 * The command line that runs `cmd` under setpriv --pdeathsig: the kernel sends `signal` to it when the process that
 * spawned it dies, however it died (SIGKILL, OOM). For servers that cannot watch a pipe: PostgreSQL, Redis. Without
 * setpriv (util-linux) the command runs as is, and a leftover is found by the next start instead.
 */
export function dieWithParent(cmd: string, args: string[], signal: NodeJS.Signals): [string, string[]] {
  return existsSync(setpriv) ? [setpriv, ['--pdeathsig', signal, '--', cmd, ...args]] : [cmd, args];
}
