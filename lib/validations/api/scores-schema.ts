import { z } from 'zod';
import { grades } from '../../grading/grade-bands';
import { fleetCapSchema, gradeLetter, isoDateTime } from './common-schemas';

const posture = z.object({
  score: z.number().nullable(),
  grade: gradeLetter.nullable(),
  scoreGrade: gradeLetter.nullable().meta({ description: 'the grade of the weighted mean alone; `grade` is lower when `caps` apply' }),
  caps: z.array(fleetCapSchema).meta({ description: 'the fleet rules of the grading policy that limit the grade, most restrictive first' }),
});

export const scoresSchema = z
  .object({
    generatedAt: isoDateTime,
    fleet: posture.meta({ description: 'criticality-weighted mean of the active databases (accepted exceptions count as failing)' }),
    fleetWithExceptions: posture.meta({ description: 'the same with accepted exceptions left out' }),
    databases: z.object({ active: z.int(), graded: z.int(), archived: z.int() }),
    failingBySeverity: z
      .object({ critical: z.int(), high: z.int(), medium: z.int(), low: z.int() })
      .meta({ description: 'checks that need action (fail or warn) across the active databases, by severity' }),
    byGrade: z
      .object(Object.fromEntries([...grades, 'ungraded'].map((g) => [g, z.int().min(0)])) as Record<(typeof grades)[number] | 'ungraded', z.ZodInt>)
      .meta({ description: 'active databases per grade; ungraded = never scanned successfully' }),
  })
  .meta({ id: 'Scores' });
