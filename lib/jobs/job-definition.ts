import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';

export interface JobContext {
  boss: PgBoss;
}

/** A pg-boss job: its queue name and options, optional cron, the schema its payload must satisfy, and what it does. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  cron?: string;
  queue?: { retryLimit?: number; retryDelay?: number; retryBackoff?: boolean; expireInSeconds?: number; heartbeatSeconds?: number };
  /** jobs each worker process runs at once (each fetched on its own, so a slow one holds only its own slot) */
  batchSize?: number;
  schema: S;
  handler: (data: z.infer<S>, ctx: JobContext) => Promise<void>;
}
