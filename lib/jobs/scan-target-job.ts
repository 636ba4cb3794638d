import { z } from 'zod';
import { runScan } from '../scan/run-scan';
import { SCAN_QUEUE_NAME } from '../queue/scan-queue-name';
import { scanQueueOptions } from '../queue/scan-queue-options';
import type { JobDefinition } from './job-definition';
import { variable } from '../env';

export const scanTargetJob: JobDefinition<z.ZodObject<{ scanId: z.ZodUUID }>> = {
  name: SCAN_QUEUE_NAME,
  queue: scanQueueOptions(),
  batchSize: variable('POSTURE_SCAN_CONCURRENCY'),
  schema: z.object({ scanId: z.uuid() }),
  async handler({ scanId }) {
    await runScan(scanId);
  },
};
