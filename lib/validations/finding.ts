import { z } from 'zod';

export const findingStatuses = ['fail', 'warn', 'error'] as const;
export const findingSeverities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const findingSorts = ['severity', 'target', 'check', 'since'] as const;
export const exceptionFilters = ['include', 'exclude', 'only'] as const;

/** Most severe and newest first unless told otherwise; "since" is when the status last changed. */
export const defaultFindingDir: Record<(typeof findingSorts)[number], 'asc' | 'desc'> = { severity: 'desc', target: 'asc', check: 'asc', since: 'desc' };

/** The certificate window filter's choices in the UI; the API takes any whole number of days up to ten years. */
export const expiryWindowChoices = [7, 14, 30, 60, 90] as const;

/**
 * Several values in one parameter, comma-separated (`severity=critical,high`): the UI's multi-selects and the API
 * share it. An already-split list is taken too, since services parse what routes have parsed.
 */
function commaList<T extends string>(opts: { max: number; itemMax: number; what: string; allowed?: readonly T[] }) {
  const allowed = opts.allowed ? new Set<string>(opts.allowed) : null;
  const split = (s: string) => s.split(',').map((x) => x.trim()).filter((x) => x !== '');
  return z
    .union([z.string().max(4000).transform(split), z.array(z.string())])
    .transform((list) => [...new Set(list)])
    .pipe(
      z
        .array(z.string().max(opts.itemMax, `each of the ${opts.what} must be at most ${opts.itemMax} characters`))
        .max(opts.max, `at most ${opts.max} ${opts.what}`)
        .refine((list) => !allowed || list.every((v) => allowed.has(v)), `${opts.what} must be among ${opts.allowed?.join(', ')}`),
    )
    .transform((list) => list as T[])
    .optional()
    .meta({ description: `one or more ${opts.what}, comma-separated` });
}

export const findingFiltersSchema = z.object({
  q: z.string().trim().max(100).optional(),
  severity: commaList({ max: 5, itemMax: 16, what: 'severities', allowed: findingSeverities }),
  checkId: commaList({ max: 200, itemMax: 100, what: 'check ids' }),
  team: commaList({ max: 200, itemMax: 80, what: 'teams' }),
  environment: commaList({ max: 50, itemMax: 32, what: 'environments' }),
  status: commaList({ max: 3, itemMax: 16, what: 'statuses', allowed: findingStatuses }),
  /** only cert.expiry results whose earliest certificate ends within N days, passing ones included */
  expiresWithinDays: z
    .union([z.string().regex(/^[0-9]{1,4}$/, 'expiresWithinDays must be a whole number of days from 0 to 3650').transform(Number), z.number()])
    .pipe(z.int('expiresWithinDays must be a whole number of days from 0 to 3650').min(0).max(3650, 'expiresWithinDays must be a whole number of days from 0 to 3650'))
    .optional()
    .meta({ description: 'certificates (cert.expiry) ending within this many days, whatever their status' }),
  exceptions: z.enum(exceptionFilters).default('include'),
  sort: z.enum(findingSorts).default('severity'),
  dir: z.enum(['asc', 'desc']).optional(),
});

export const listFindingsQuerySchema = findingFiltersSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type FindingFilters = z.output<typeof findingFiltersSchema>;
export type ListFindingsQuery = z.input<typeof listFindingsQuerySchema>;
