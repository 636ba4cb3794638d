import { z } from 'zod';
import { reopenExpiredExceptions } from '../services/exceptions/reopen-expired-exceptions';
import { systemContext } from '../services/service-context';
import type { JobDefinition } from './job-definition';

/** An exception that runs out stops counting within 5 minutes, not at the target's next scan. */
export const exceptionExpiryJob: JobDefinition = {
  name: 'exception-expiry',
  cron: '*/5 * * * *',
  queue: { retryLimit: 2, retryDelay: 30, expireInSeconds: 240 },
  schema: z.object({}).passthrough(),
  async handler() {
    const { exceptions, targets } = await reopenExpiredExceptions(systemContext('exception-expiry'));
    if (exceptions) console.log(`[worker] exception-expiry reopened ${exceptions} exceptions on ${targets} targets`);
  },
};
