import { z } from 'zod';
import { env } from '../env';
import { purgeAuditLog } from '../services/audit/purge-audit-log';
import { purgeExpiredSessions } from '../services/auth/purge-expired-sessions';
import { systemContext } from '../services/service-context';
import type { JobDefinition } from './job-definition';

/** Daily housekeeping of what only grows: audit rows past retention, and sign-in sessions past their expiry. */
export const auditRetentionJob: JobDefinition = {
  name: 'audit-retention',
  cron: '17 3 * * *',
  schema: z.object({}).passthrough(),
  async handler() {
    const ctx = systemContext('worker');
    const deleted = await purgeAuditLog(ctx, { olderThanDays: env().POSTURE_AUDIT_RETENTION_DAYS });
    if (deleted) console.log(`[worker] audit-retention removed ${deleted} rows`);
    const sessions = await purgeExpiredSessions(ctx);
    if (sessions) console.log(`[worker] audit-retention removed ${sessions} expired sign-in sessions`);
  },
};
