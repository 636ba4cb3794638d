import { z } from 'zod';
import { gradeLetter, isoDateTime, isoDay } from './common-schemas';

export const databaseHistorySchema = z
  .object({
    days: z.int(),
    through: isoDay,
    points: z.array(z.object({ day: isoDay, score: z.number(), scoreWithExceptions: z.number(), grade: gradeLetter })),
    dayOne: z
      .array(z.object({ at: isoDateTime, score: z.number(), grade: gradeLetter }))
      .meta({ description: 'while there are fewer than two daily points: each succeeded scan of the latest day, oldest first' }),
  })
  .meta({ id: 'DatabaseHistory', description: 'one point per day with a snapshot, oldest first' });
