import { z } from 'zod';

export const findingStatuses = ['fail', 'warn', 'error'] as const;
export const findingSeverities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const findingSorts = ['severity', 'target', 'check', 'since'] as const;
export const exceptionFilters = ['include', 'exclude', 'only'] as const;

/** Most severe and newest first unless told otherwise; "since" is when the status last changed. */
export const defaultFindingDir: Record<(typeof findingSorts)[number], 'asc' | 'desc'> = { severity: 'desc', target: 'asc', check: 'asc', since: 'desc' };

export const findingFiltersSchema = z.object({
  q: z.string().trim().max(100).optional(),
  severity: z.enum(findingSeverities).optional(),
  checkId: z.string().trim().max(100).optional(),
  team: z.string().trim().max(80).optional(),
  environment: z.string().trim().max(32).optional(),
  status: z.enum(findingStatuses).optional(),
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
