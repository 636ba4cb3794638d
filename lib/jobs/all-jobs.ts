import { auditRetentionJob } from './audit-retention-job';
import { digestJob } from './digest-job';
import { discoveryJob } from './discovery-job';
import { exceptionExpiryJob } from './exception-expiry-job';
import { fleetRollupJob } from './fleet-rollup-job';
import type { JobDefinition } from './job-definition';
import { outboxDeliveryJob } from './outbox-delivery-job';
import { scanFanoutJob } from './scan-fanout-job';
import { scanTargetJob } from './scan-target-job';
import { scanRetentionJob } from './scan-retention-job';

export const allJobs = [auditRetentionJob, scanFanoutJob, scanTargetJob, scanRetentionJob, fleetRollupJob, exceptionExpiryJob, outboxDeliveryJob, digestJob, discoveryJob] as JobDefinition[];
