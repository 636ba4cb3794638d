import { z } from 'zod';
import { enqueueScheduledScans } from '../scan/enqueue-scheduled-scans';
import type { JobDefinition } from './job-definition';
import { scanCron, scanSlot } from '../scan/scan-interval';

export const scanFanoutJob: JobDefinition = {
  name: 'scan-fanout',
  cron: scanCron(),
  queue: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  schema: z.object({}).passthrough(),
  async handler(_data, { boss }) {
    const queued = await enqueueScheduledScans(scanSlot(new Date()), boss);
    if (queued) console.log(`[worker] scan-fanout queued ${queued} scans`);
  },
};
