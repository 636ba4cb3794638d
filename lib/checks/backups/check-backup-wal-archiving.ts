import type { CheckDefinition, CheckVerdict } from '../check-definition';
import { formatCount } from '../format-count';
import { observationNow } from '../observation-now';
import { outcomeVerdict } from '../outcome-verdict';

const hourMs = 3_600_000;
/** Older than this warns: an idle server without archive_timeout may simply have had no segment to archive. */
const staleHours = 26;

export const backupWalArchivingCheck: CheckDefinition = {
  id: 'backup.wal_archiving',
  title: 'WAL archiving works (point-in-time recovery)',
  area: 'backups',
  severity: 'high',
  why: 'Base backups only restore to the moment they were taken; continuously archived WAL is what lets you recover to just before an incident. A broken archive_command silently removes that ability and can fill the disk with unarchived WAL.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgSession, (s): CheckVerdict => {
      const a = s.archiver;
      if (!a) return { status: 'error', summary: 'pg_stat_archiver not readable', evidence: { limitations: s.limitations } };
      const evidence = { ...a };
      if (a.archiveMode !== 'on' && a.archiveMode !== 'always') return { status: 'fail', summary: `archive_mode = ${a.archiveMode}: WAL is not archived`, evidence };
      if (!a.archiveCommandSet) return { status: 'fail', summary: `archive_mode = ${a.archiveMode} but archive_command is not set`, evidence };
      if (a.archivedCount === 0 || a.lastArchivedAt === null) {
        return { status: 'fail', summary: `no WAL segment archived yet (${formatCount(a.failedCount, 'failure')})`, evidence };
      }
      const archivedMs = Date.parse(a.lastArchivedAt);
      const failedMs = a.lastFailedAt === null ? Number.NaN : Date.parse(a.lastFailedAt);
      if (!Number.isNaN(failedMs) && (Number.isNaN(archivedMs) || failedMs > archivedMs)) {
        const wal = a.lastFailedWal ? ` on ${a.lastFailedWal}` : '';
        return { status: 'fail', summary: `archiving failing since ${a.lastFailedAt}${wal} (last success ${a.lastArchivedAt}): PITR broken since then`, evidence };
      }
      const ageHours = (observationNow(obs) - archivedMs) / hourMs;
      if (ageHours > staleHours) {
        return { status: 'warn', summary: `last WAL archived ${Math.floor(ageHours)} h ago (${a.lastArchivedAt}): idle server or stuck archiver`, evidence };
      }
      return { status: 'pass', summary: `archive_mode = ${a.archiveMode}; ${a.archivedCount} segments archived, last ${a.lastArchivedAt}`, evidence };
    }),
  remediation: `Inspect the archiver:
  SELECT archived_count, last_archived_wal, last_archived_time, failed_count, last_failed_wal, last_failed_time FROM pg_stat_archiver;

Enable archiving with pgBackRest (archive_mode needs a restart):
  ALTER SYSTEM SET wal_level = 'replica';
  ALTER SYSTEM SET archive_mode = 'on';
  ALTER SYSTEM SET archive_command = 'pgbackrest --stanza=<stanza> archive-push %p';
  ALTER SYSTEM SET archive_timeout = '300s';

Restart PostgreSQL, then prove the path end to end:
  pgbackrest --stanza=<stanza> check

If failures are newer than the last success, read the server log for the archive_command error (permissions, full repository, network), fix it, and run the check again.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '7.4' },
    { framework: 'GDPR', control: 'Art. 32(1)(c)' },
    { framework: 'SOC 2', control: 'A1.2' },
    { framework: 'SOC 2', control: 'CC7.5' },
  ],
};
