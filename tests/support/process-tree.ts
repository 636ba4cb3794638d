import { readdirSync, readFileSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  /** start time in clock ticks: tells the process from a later one that reused its pid */
  started: string;
  state: string;
  command: string;
}

function read(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, ppid: Number(f[1]), started: f[19]!, state: f[0]!, command };
  } catch {
    return null;
  }
}

/** `root` and every process below it, from /proc. */
export function processTree(root: number): ProcInfo[] {
  const all = readdirSync('/proc').flatMap((e) => (/^\d+$/.test(e) ? (read(Number(e)) ?? []) : []));
  const found = all.filter((p) => p.pid === root);
  for (let i = 0; i < found.length; i++) found.push(...all.filter((p) => p.ppid === found[i]!.pid));
  return found;
}

/** The ones still running: same pid, same start time, not a zombie. */
export function stillRunning(procs: ProcInfo[]): ProcInfo[] {
  return procs.filter((p) => {
    const now = read(p.pid);
    return now !== null && now.started === p.started && now.state !== 'Z';
  });
}
