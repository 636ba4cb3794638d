import { z } from 'zod';
import { criticalities } from '../target';
import { failingCountsSchema, fleetCapSchema, gradeCapSchema, gradeLetter, isoDateTime, isoDay } from './common-schemas';

const count = z.int().min(0);
const targetRef = { targetId: z.uuid(), targetName: z.string(), ownerTeam: z.string().nullable() };
const attention = <T extends z.ZodType>(item: T, description: string) => z.object({ total: count, items: z.array(item) }).meta({ description });

const fleetCapView = fleetCapSchema
  .extend({ examples: z.array(z.object({ id: z.uuid(), name: z.string(), criticality: z.string() })).meta({ description: 'the F databases behind it, the most critical first (ten at most)' }) })
  .meta({ id: 'FleetCapWithExamples' });

const posture = {
  score: z.number().nullable(),
  grade: gradeLetter.nullable(),
  scoreWithExceptions: z.number().nullable(),
  gradeWithExceptions: gradeLetter.nullable(),
  failing: failingCountsSchema,
};

/** Everything the overview page shows, as of now. */
export const fleetOverviewSchema = z
  .object({
    generatedAt: isoDateTime,
    inventory: z.object({ active: count, archived: count, graded: count }),
    now: z.object({ ...posture, scoreGrade: gradeLetter.nullable().meta({ description: 'the grade of the weighted mean alone' }), caps: z.array(fleetCapView) }),
    before: z
      .object({ day: isoDay, ...posture })
      .nullable()
      .meta({ description: 'the fleet snapshot nearest to 30 days ago (within a week of it); null until there is one' }),
    distribution: z.array(z.object({ grade: z.union([gradeLetter, z.literal('ungraded')]), count })),
    trend: z.array(z.object({ day: isoDay, score: z.number(), scoreWithExceptions: z.number() })).meta({ description: 'one point per day with a fleet snapshot, oldest first' }),
    trendDays: z.int().meta({ description: '7, 30 or 90' }),
    dayOne: z
      .array(z.object({ at: isoDateTime, score: z.number() }))
      .meta({ description: "while the trend has fewer than two days: the fleet score after each of today's scans (criticality-weighted, without caps)" }),
    certificates: attention(
      z.object({ ...targetRef, status: z.string(), notAfter: isoDateTime, daysLeft: z.int().meta({ description: 'negative once expired' }), subject: z.string().nullable() }),
      'certificates that expire within 30 days or have expired, the 10 soonest',
    ),
    passwordsDue: attention(
      z.object({
        ...targetRef,
        status: z.enum(['warn', 'fail']),
        since: isoDateTime,
        ageDays: z.number().nullable(),
        policyDays: z.number().nullable(),
        validUntil: z.string().nullable(),
        source: z.string().nullable(),
        summary: z.string().nullable(),
      }),
      'passwords due for rotation or overdue',
    ),
    staleBackups: attention(
      z.object({ ...targetRef, checkId: z.enum(['backup.freshness', 'backup.wal_archiving']), summary: z.string().nullable(), since: isoDateTime }),
      'backups that are too old, or WAL archiving that fails',
    ),
    worst: z
      .array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          ownerTeam: z.string().nullable(),
          criticality: z.enum(criticalities),
          score: z.number(),
          grade: gradeLetter.nullable(),
          scoreGrade: gradeLetter.nullable(),
          caps: z.array(gradeCapSchema),
          failing: failingCountsSchema,
          lastScanAt: isoDateTime.nullable(),
        }),
      )
      .meta({ description: 'the 10 worst databases by grade, then score' }),
  })
  .meta({ id: 'FleetOverview' });

export const fleetRollupSchema = z
  .object({
    snapshot: z
      .object({ day: isoDay, score: z.number(), scoreWithExceptions: z.number(), grade: z.string().meta({ description: 'the fleet grade as stored that day' }), counts: failingCountsSchema, targets: count })
      .nullable()
      .meta({ description: "today's fleet snapshot as written; null while no database is graded" }),
  })
  .meta({ id: 'FleetRollup' });
