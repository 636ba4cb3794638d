import { z } from 'zod';
import { runScan } from '../scan/run-scan';
import { SCAN_QUEUE_NAME } from '../scan/scan-queue-name';
import type { JobDefinition } from './job-definition';
import { variable } from '../env';

export const scanTargetJob: JobDefinition<z.ZodObject<{ scanId: z.ZodUUID }>> = {
  name: SCAN_QUEUE_NAME,
  // A worker killed mid-scan stops heartbeating; pg-boss then retries the job on another worker.
  queue: { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 120, heartbeatSeconds: variable('POSTURE_SCAN_HEARTBEAT_SECONDS') },
  batchSize: variable('POSTURE_SCAN_CONCURRENCY'),
  schema: z.object({ scanId: z.uuid() }),
  async handler({ scanId }) {
    await runScan(scanId);
  },
};
