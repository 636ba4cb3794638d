import type { PgArchiverObservation } from '../../probes/observations/postgresql';
import { backupWalArchivingCheck as check } from './check-backup-wal-archiving';
import { failed, healthyObservations, hoursFromNow, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const healthy: PgArchiverObservation = {
  archiveMode: 'on',
  archiveCommandSet: true,
  archivedCount: 1200,
  lastArchivedAt: hoursFromNow(-1),
  failedCount: 0,
  lastFailedAt: null,
  lastFailedWal: null,
};
const archiver = (patch: Partial<PgArchiverObservation>) => withData('pgSession', { archiver: { ...healthy, ...patch } });

describeVerdicts(check, [
  { name: 'archiving recently', obs: healthyObservations(), status: 'pass', summary: /archive_mode = on; 1200 segments archived/ },
  { name: 'archive_mode always', obs: archiver({ archiveMode: 'always' }), status: 'pass' },
  { name: 'archive_mode off', obs: archiver({ archiveMode: 'off' }), status: 'fail', summary: /^archive_mode = off/ },
  { name: 'no archive_command', obs: archiver({ archiveCommandSet: false }), status: 'fail', summary: /archive_command is not set/ },
  { name: 'nothing archived yet', obs: archiver({ archivedCount: 0, lastArchivedAt: null, failedCount: 3, lastFailedAt: hoursFromNow(-1) }), status: 'fail', summary: /no WAL segment archived yet \(3 failures\)/ },
  {
    name: 'failure newer than last success',
    obs: archiver({ lastArchivedAt: hoursFromNow(-3), lastFailedAt: hoursFromNow(-1), failedCount: 40, lastFailedWal: '00000001000000000000002A' }),
    status: 'fail',
    summary: /failing since .* on 00000001000000000000002A .*PITR broken since then/,
  },
  { name: 'failure older than last success (recovered)', obs: archiver({ lastArchivedAt: hoursFromNow(-1), lastFailedAt: hoursFromNow(-3), failedCount: 2 }), status: 'pass' },
  { name: 'failure at the same instant as the success', obs: archiver({ lastArchivedAt: hoursFromNow(-2), lastFailedAt: hoursFromNow(-2) }), status: 'pass' },
  { name: 'last archived 26 h ago (boundary)', obs: archiver({ lastArchivedAt: hoursFromNow(-26) }), status: 'pass' },
  { name: 'last archived 27 h ago', obs: archiver({ lastArchivedAt: hoursFromNow(-27) }), status: 'warn', summary: /27 h ago .*idle server or stuck/ },
  { name: 'stale and failing: failing wins', obs: archiver({ lastArchivedAt: hoursFromNow(-50), lastFailedAt: hoursFromNow(-49) }), status: 'fail' },
  { name: 'pg_stat_archiver not readable', obs: withData('pgSession', { archiver: null }), status: 'error', summary: /^pg_stat_archiver not readable$/ },
  { name: 'session skipped', obs: withOutcome('pgSession', skipped('no TLS')), status: 'skip' },
  { name: 'session error', obs: withOutcome('pgSession', failed('x')), status: 'error' },
]);
