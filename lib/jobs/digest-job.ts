import { z } from 'zod';
import { buildDigests } from '../alerts/build-digests';
import type { JobDefinition } from './job-definition';
import { variable } from '../env';

export const digestJob: JobDefinition = {
  name: 'alert-digest',
  // UTC, like every pg-boss schedule here.
  cron: variable('POSTURE_DIGEST_CRON'),
  queue: { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
  schema: z.object({}).passthrough(),
  async handler() {
    const { digests, alerts } = await buildDigests({ now: new Date() });
    if (digests) console.log(`[worker] digest: ${alerts} alerts grouped into ${digests} emails`);
  },
};
