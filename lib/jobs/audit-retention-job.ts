import { z } from 'zod';
import { env } from '../env';
import { purgeAuditLog } from '../services/audit/purge-audit-log';
import { systemContext } from '../services/service-context';
import type { JobDefinition } from './job-definition';

export const auditRetentionJob: JobDefinition = {
  name: 'audit-retention',
  cron: '17 3 * * *',
  schema: z.object({}).passthrough(),
  async handler() {
    const deleted = await purgeAuditLog(systemContext('worker'), { olderThanDays: env().POSTURE_AUDIT_RETENTION_DAYS });
    if (deleted) console.log(`[worker] audit-retention removed ${deleted} rows`);
  },
};
