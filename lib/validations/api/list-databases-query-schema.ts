import { z } from 'zod';
import { grades } from '../../grading/grade-bands';
import { engines } from '../target';

/** GET /api/v1/databases: keyset pagination in name order, so pages never skip or repeat under concurrent writes. */
export const listDatabasesQuerySchema = z
  .object({
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be 1–200').max(200, 'must be 1–200').default(50),
    cursor: z.string().max(500).optional().meta({ description: 'nextCursor from the previous page' }),
    engine: z.enum(engines).optional(),
    environment: z.string().trim().max(32).optional(),
    team: z.string().trim().max(80).optional(),
    tag: z.string().trim().max(40).optional(),
    gradeBelow: z.enum(grades).optional().meta({ description: 'only databases graded worse than this grade (ungraded ones are left out)' }),
    archived: z.enum(['true', 'false', 'all']).default('false'),
  })
  .strict();

export type ListDatabasesQuery = z.input<typeof listDatabasesQuerySchema>;
