import { z } from 'zod';
import { grades } from '../../grading/grade-bands';
import { gradeLetter, isoDateTime } from './common-schemas';

const posture = z.object({ score: z.number().nullable(), grade: gradeLetter.nullable() });

export const scoresSchema = z
  .object({
    generatedAt: isoDateTime,
    fleet: posture.meta({ description: 'criticality-weighted mean of the active databases (accepted exceptions count as failing)' }),
    fleetWithExceptions: posture.meta({ description: 'the same with accepted exceptions left out' }),
    databases: z.object({ active: z.int(), graded: z.int(), archived: z.int() }),
    failingBySeverity: z.object({ critical: z.int(), high: z.int(), medium: z.int(), low: z.int() }),
    byGrade: z
      .object(Object.fromEntries([...grades, 'ungraded'].map((g) => [g, z.int().min(0)])) as Record<(typeof grades)[number] | 'ungraded', z.ZodInt>)
      .meta({ description: 'active databases per grade; ungraded = never scanned successfully' }),
  })
  .meta({ id: 'Scores' });
