import 'server-only';
import path from 'node:path';
import type { BackupSource } from '../validations/target';
import type { CustodyPolicy } from './custody-policy';

export const DEFAULT_BACKUP_COMMAND = 'pgbackrest';

export interface BackupSourceProblem {
  /** the field under `backup`, e.g. ['command'] */
  path: string[];
  message: string;
}

/** Whether `file` is `root` or lies below it, judged on normalised absolute paths (no `..` escapes). */
export function isUnder(file: string, root: string): boolean {
  const f = path.posix.normalize(file);
  if (f.split('/').includes('..')) return false;
  const n = path.posix.normalize(root);
  const r = n.endsWith('/') ? n : `${n}/`;
  return f === r.slice(0, -1) || f.startsWith(r);
}

const listed = (items: readonly string[]) => (items.length ? items.join(', ') : 'none yet');

/**
 * What a backup source asks Posture to run or read that the admin's custody policy does not allow: a pgBackRest
 * executable outside the allowed commands, a config file or a dump folder outside the allowed folders.
 */
export function backupSourceProblems(backup: BackupSource | null | undefined, policy: CustodyPolicy): BackupSourceProblem[] {
  if (!backup) return [];
  const out: BackupSourceProblem[] = [];
  const where = 'an admin sets this in Settings → Security';
  if (backup.source === 'pgbackrest') {
    const command = backup.command ?? DEFAULT_BACKUP_COMMAND;
    if (!policy.backupCommands.includes(command)) {
      out.push({ path: ['command'], message: `is refused: ${command} is not an allowed backup command (allowed: ${listed(policy.backupCommands)}; ${where})` });
    }
    if (backup.configPath !== undefined && !policy.pgbackrestConfigRoots.some((r) => isUnder(backup.configPath!, r))) {
      out.push({ path: ['configPath'], message: `is refused: ${backup.configPath} is not under an allowed pgBackRest config folder (allowed: ${listed(policy.pgbackrestConfigRoots)}; ${where})` });
    }
  }
  if (backup.source === 'dump-dir' && !policy.dumpRoots.some((r) => isUnder(backup.dir, r))) {
    out.push({ path: ['dir'], message: `is refused: ${backup.dir} is not under an allowed dump folder (allowed: ${listed(policy.dumpRoots)}; ${where})` });
  }
  return out;
}
