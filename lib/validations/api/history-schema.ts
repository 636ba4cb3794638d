import { z } from 'zod';
import { gradeLetter, isoDay } from './common-schemas';

export const databaseHistorySchema = z
  .object({
    days: z.int(),
    through: isoDay,
    points: z.array(z.object({ day: isoDay, score: z.number(), scoreWithExceptions: z.number(), grade: gradeLetter })),
  })
  .meta({ id: 'DatabaseHistory', description: 'one point per day with a snapshot, oldest first' });
