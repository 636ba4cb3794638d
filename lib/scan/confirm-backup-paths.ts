import { realpath } from 'node:fs/promises';
import type { CustodyPolicy } from '../custody/custody-policy';
import { backupSourceProblems, isUnder } from '../custody/judge-backup-source';
import type { BackupSource } from '../validations/target';

const real = (p: string) => realpath(p).catch(() => null);

/**
 * Why a stored backup source may not be probed now, or null: the policy is judged again at scan time (an admin may
 * have narrowed it), and folders through their real paths, so a symlink inside an allowed folder cannot lead out.
 */
export async function backupSourceRefusal(backup: BackupSource, policy: CustodyPolicy): Promise<string | null> {
  const problems = backupSourceProblems(backup, policy);
  if (problems.length) return `backup source refused by the custody policy: backup.${problems[0]!.path.join('.')} ${problems[0]!.message}`;
  const checks: [string, readonly string[], string][] = [];
  if (backup.source === 'dump-dir') checks.push([backup.dir, policy.dumpRoots, 'backup.dir']);
  if (backup.source === 'pgbackrest' && backup.configPath) checks.push([backup.configPath, policy.pgbackrestConfigRoots, 'backup.configPath']);
  for (const [file, roots, field] of checks) {
    const resolved = await real(file);
    if (resolved === null) continue; // a missing path is the probe's to report
    const rootsResolved = await Promise.all(roots.map(real));
    if (!rootsResolved.some((r) => r !== null && isUnder(resolved, r))) {
      return `backup source refused by the custody policy: ${field} ${file} resolves to ${resolved}, outside the allowed folders`;
    }
  }
  return null;
}
