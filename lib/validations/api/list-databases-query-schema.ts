import { z } from 'zod';
import { targetFiltersSchema } from '../target';

/** GET /api/v1/databases: keyset pagination in name order, so pages never skip or repeat under concurrent writes. */
export const listDatabasesQuerySchema = z
  .object({
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be 1–200').max(200, 'must be 1–200').default(50),
    cursor: z.string().max(500).optional().meta({ description: 'nextCursor from the previous page' }),
    ...targetFiltersSchema.shape,
  })
  .strict();

export type ListDatabasesQuery = z.input<typeof listDatabasesQuerySchema>;
