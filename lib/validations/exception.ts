import { z } from 'zod';

/** Risk acceptance is always temporary: at most a year (plus the rest of the last day), 90 days unless chosen. */
export const EXCEPTION_MAX_DAYS = 366;
export const EXCEPTION_DEFAULT_DAYS = 90;
export const EXCEPTION_REASON_MIN = 10;
export const EXCEPTION_REASON_MAX = 1000;

const DAY_MS = 86_400_000;

/** A new exception as sent; createExceptionSchema adds what depends on "now" and on the check catalog. */
export const createExceptionBodySchema = z
  .object({
    targetId: z.uuid('Pick a database'),
    checkId: z.string().trim().min(1, 'Pick a check').max(100),
    reason: z
      .string()
      .trim()
      .min(EXCEPTION_REASON_MIN, `Explain why, in at least ${EXCEPTION_REASON_MIN} characters`)
      .max(EXCEPTION_REASON_MAX, `At most ${EXCEPTION_REASON_MAX} characters`),
    expiresAt: z.coerce.date('Pick the date the acceptance ends').meta({ description: 'when the acceptance ends: in the future, at most a year away' }),
  })
  .strict();

/** The schema depends on "now" (future, at most a year away) and on the catalog (the check must exist). */
export function createExceptionSchema(now: Date, knownCheckIds: ReadonlySet<string>) {
  const { checkId, expiresAt } = createExceptionBodySchema.shape;
  return createExceptionBodySchema.extend({
    checkId: checkId.refine((id) => knownCheckIds.has(id), 'No such check in the catalog'),
    expiresAt: expiresAt
      .refine((d) => d.getTime() > now.getTime(), 'Pick a date in the future')
      .refine((d) => d.getTime() <= now.getTime() + EXCEPTION_MAX_DAYS * DAY_MS, 'Accept a risk for at most one year'),
  });
}

export type CreateExceptionInput = z.input<typeof createExceptionBodySchema>;

export const BULK_EXCEPTIONS_MAX = 200;

/** Several findings accepted at once, with one justification and one end date (all or none). */
export const createExceptionsBodySchema = z
  .object({
    items: z
      .array(createExceptionBodySchema.pick({ targetId: true, checkId: true }).strict())
      .min(1, 'Select at least one finding')
      .max(BULK_EXCEPTIONS_MAX, `At most ${BULK_EXCEPTIONS_MAX} findings at once`),
    reason: createExceptionBodySchema.shape.reason,
    expiresAt: createExceptionBodySchema.shape.expiresAt,
  })
  .strict();

export type CreateExceptionsInput = z.input<typeof createExceptionsBodySchema>;

export const exceptionStates = ['active', 'expired', 'revoked', 'all'] as const;

export const listExceptionsQuerySchema = z.object({
  state: z.enum(exceptionStates).default('active'),
  targetId: z.uuid().optional(),
  checkId: z.string().trim().max(100).optional(),
  /** database name contains */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListExceptionsQuery = z.input<typeof listExceptionsQuerySchema>;
