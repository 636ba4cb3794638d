import { z } from 'zod';
import { kubeAccessFromEnv } from '../discovery/kube-access-from-env';
import { runDiscovery } from '../services/discovery/run-discovery';
import { systemContext } from '../services/service-context';
import type { JobDefinition } from './job-definition';

/** Hourly, off the scan fan-out's quarter hours; a worker without Kubernetes access skips it quietly. */
export const discoveryJob: JobDefinition = {
  name: 'kubernetes-discovery',
  cron: '41 * * * *',
  queue: { retryLimit: 1, retryDelay: 120, expireInSeconds: 600 },
  schema: z.object({}).passthrough(),
  async handler() {
    if (!kubeAccessFromEnv(null)) return;
    const run = await runDiscovery(systemContext('discovery'), { trigger: 'schedule' });
    if (run.status !== 'succeeded') console.log(`[worker] discovery ${run.status}: ${run.errors.join('; ')}`);
  },
};
