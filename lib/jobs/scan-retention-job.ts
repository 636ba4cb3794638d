import { z } from 'zod';
import { pruneScans } from '../scan/prune-scans';
import type { JobDefinition } from './job-definition';

export const scanRetentionJob: JobDefinition = {
  name: 'scan-retention',
  cron: '41 * * * *',
  schema: z.object({}).passthrough(),
  async handler() {
    const deleted = await pruneScans();
    if (deleted) console.log(`[worker] scan-retention removed ${deleted} finished scans`);
  },
};
