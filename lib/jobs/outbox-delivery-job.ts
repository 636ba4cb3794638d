import { z } from 'zod';
import { deliverOutbox } from '../alerts/deliver-outbox';
import type { JobDefinition } from './job-definition';
import { variable } from '../env';

let reportedPause = '';

export const outboxDeliveryJob: JobDefinition = {
  name: 'outbox-delivery',
  // Every minute; POSTURE_OUTBOX_DELIVERY_CRON overrides (the e2e run moves it away and uses Deliver now).
  cron: variable('POSTURE_OUTBOX_DELIVERY_CRON'),
  // The next minute's run is the retry; rows carry their own attempts and backoff.
  queue: { retryLimit: 0, expireInSeconds: 300 },
  schema: z.object({}).passthrough(),
  async handler() {
    const run = await deliverOutbox({ limit: 100 });
    const ch = run.channels;
    if (ch?.claimed) console.log(`[worker] channels: sent ${ch.sent}, retrying ${ch.retrying}, dead ${ch.dead}`);
    if (run.status !== 'ran') {
      const why = run.status === 'paused' ? 'no SMTP configured (POSTURE_SMTP_HOST)' : `invalid SMTP settings: ${run.problems?.join('; ')}`;
      // Said once per process and reason, not every minute.
      if (why !== reportedPause) console.warn(`[worker] alert delivery paused: ${why}; emails stay pending`);
      reportedPause = why;
      return;
    }
    reportedPause = '';
    if (run.claimed) console.log(`[worker] outbox: sent ${run.sent}, retrying ${run.retrying}, dead ${run.dead}`);
  },
};
