import 'server-only';
import type { CustodyPolicy } from '../../custody/custody-policy';
import { backupSourceProblems } from '../../custody/judge-backup-source';
import { AppError } from '../../errors/app-error';
import type { BackupSource } from '../../validations/target';

/** Refuses a backup source whose command, config file or dump folder the admin's custody policy does not allow. */
export function assertBackupAllowed(backup: BackupSource | null | undefined, policy: CustodyPolicy, at = 'backup'): void {
  const problems = backupSourceProblems(backup, policy);
  if (problems.length) throw new AppError('bad_request', 'Invalid input', problems.map((p) => ({ path: [at, ...p.path].join('.'), message: p.message })));
}
