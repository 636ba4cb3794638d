import { auditRetentionJob } from './audit-retention-job';
import type { JobDefinition } from './job-definition';

export const allJobs: JobDefinition[] = [auditRetentionJob];
