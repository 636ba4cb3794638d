import type { z } from 'zod';
import { listFindingsQuerySchema } from '@/lib/validations/finding';
import { hrefWith, parseUrlQuery, type RawSearchParams } from '@/lib/ui/url-query';

export type FindingsQuery = z.output<typeof listFindingsQuerySchema>;
export type { RawSearchParams };

const keys = ['q', 'severity', 'checkId', 'team', 'environment', 'status', 'expiresWithinDays', 'exceptions', 'sort', 'dir', 'page', 'pageSize'] as const;
export const findingFilterKeys = ['q', 'severity', 'checkId', 'team', 'environment', 'status', 'expiresWithinDays', 'exceptions'] as const;

export function parseFindingsQuery(raw: RawSearchParams): { query: FindingsQuery; params: Record<string, string> } {
  return parseUrlQuery(raw, keys, listFindingsQuerySchema);
}

/** The findings list's URL with some params changed; undefined removes one. */
export function findingsHref(params: Record<string, string>, changes: Record<string, string | undefined>): string {
  return hrefWith('/findings', params, changes);
}

/** The CSV of everything the current filters match, in the same order: the page number does not apply. */
export function findingsExportHref(params: Record<string, string>): string {
  return hrefWith('/api/v1/findings/export', params, { page: undefined, pageSize: undefined });
}
