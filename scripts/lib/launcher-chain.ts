import { readFileSync, readlinkSync, realpathSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  /** start time in clock ticks since boot: tells a live process from a new one that reused its pid */
  started: string;
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(f[1]), pgid: Number(f[2]), started: f[19]! };
  } catch {
    return null;
  }
}

function isLauncher(pid: number, node: string): boolean {
  try {
    if (realpathSync(readlinkSync(`/proc/${pid}/exe`)) === node) return true; // npm, npx, the tsx CLI
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /(^|\/)(sh|dash|bash)$/.test(argv[0] ?? '') && argv[1] === '-c'; // npm's `sh -c <script>`
  } catch {
    return false;
  }
}

/**
 * The processes that launched this one for `npm run …`: npm, its `sh -c` and the tsx CLI, the ancestors in our own
 * process group that are Node or `sh -c`. A shell, a terminal or pid 1 ends the chain, so `nohup` keeps working.
 */
export function launcherChain(): Proc[] {
  const self = readProc(process.pid);
  if (!self) return [];
  const node = realpathSync(process.execPath);
  const chain: Proc[] = [];
  let p = readProc(self.ppid);
  while (p && p.pid > 1 && p.pgid === self.pgid && isLauncher(p.pid, node)) {
    chain.push(p);
    p = readProc(p.ppid);
  }
  return chain;
}

/** Calls `gone` once when any launcher in the chain has ended, e.g. npm was SIGKILLed while sh and tsx lived on. */
export function watchLauncherChain(gone: () => void, intervalMs = 1_000): void {
  const chain = launcherChain();
  if (chain.length === 0) return;
  const timer = setInterval(() => {
    if (chain.every((p) => readProc(p.pid)?.started === p.started)) return;
    clearInterval(timer);
    gone();
  }, intervalMs);
  timer.unref();
}
