import { z } from 'zod';
import { writeFleetSnapshot } from '../fleet/write-fleet-snapshot';
import type { JobDefinition } from './job-definition';

/** Off the scan fan-out's quarter hours, so the roll-up reads the grades those scans just wrote. */
export const fleetRollupJob: JobDefinition = {
  name: 'fleet-rollup',
  cron: '7,22,37,52 * * * *',
  queue: { retryLimit: 2, retryDelay: 30, expireInSeconds: 300 },
  schema: z.object({}).passthrough(),
  async handler() {
    await writeFleetSnapshot();
  },
};
