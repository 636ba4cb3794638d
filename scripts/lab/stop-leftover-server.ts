import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A pid file can outlive its server and the pid be reused by an unrelated process. */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

function parentCommand(pid: number): { ppid: number; cmdline: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { ppid, cmdline: ppid === 1 ? '' : readFileSync(`/proc/${ppid}/cmdline`, 'utf8') };
  } catch {
    return null;
  }
}

/**
 * The lab re-creates its data folders on every start, so a server a killed run left on one must go first.
 * A server whose parent is still a live Node process belongs to another lab run: that is an error, not ours to stop.
 */
export async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isFinite(pid) || !isAlive(pid) || !isPostgres(pid)) return;
  const parent = parentCommand(pid);
  if (parent && parent.ppid !== 1 && parent.cmdline.includes('node')) {
    throw new Error(`A lab server (pid ${pid}) is already running on ${dataDir}: another lab run owns it. Stop that run first.`);
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL pid ${pid} on ${dataDir} did not stop within 30 s; stop it with: kill -INT ${pid}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
