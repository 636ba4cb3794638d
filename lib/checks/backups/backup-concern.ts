import type { CheckConcern } from '../check-concern';
import { backupEncryptedCheck } from './check-backup-encrypted';
import { backupFreshnessCheck } from './check-backup-freshness';
import { backupWalArchivingCheck } from './check-backup-wal-archiving';

export const backupConcern: CheckConcern = {
  id: 'backups',
  label: 'Backups',
  reads: "the target's backup source (a pgBackRest stanza, a dump folder or a Kubernetes CronJob) and the server's WAL archiver",
  checks: [backupFreshnessCheck, backupEncryptedCheck, backupWalArchivingCheck],
};
