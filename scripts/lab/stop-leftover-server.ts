import { isOrphaned, isPostgresProcess, isProcessAlive, readPostmasterPid, stopPostgresProcess } from '../../lib/store/postmaster-process';

/**
 * The lab re-creates its data folders on every start, so a server a killed run left on one must go first.
 * A server whose parent is still a live Node process belongs to another lab run: that is an error, not ours to stop.
 */
export async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (pid === null || !isProcessAlive(pid) || !isPostgresProcess(pid)) return;
  if (!isOrphaned(pid)) {
    throw new Error(`A lab server (pid ${pid}) is already running on ${dataDir}: another lab run owns it. Stop that run first.`);
  }
  await stopPostgresProcess(pid);
}
