import type { z } from 'zod';

/** A pg-boss job: its queue name, optional cron, the schema its payload must satisfy, and what it does. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  cron?: string;
  schema: S;
  handler: (data: z.infer<S>) => Promise<void>;
}
