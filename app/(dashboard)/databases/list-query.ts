import type { z } from 'zod';
import { listTargetsQuerySchema } from '@/lib/validations/target';
import { hrefWith, parseUrlQuery, type RawSearchParams } from '@/lib/ui/url-query';

export type ListQuery = z.output<typeof listTargetsQuerySchema>;
export type { RawSearchParams };

const keys = ['q', 'engine', 'environment', 'team', 'tag', 'archived', 'sort', 'dir', 'page', 'pageSize'] as const;

export function parseListQuery(raw: RawSearchParams): { query: ListQuery; params: Record<string, string> } {
  return parseUrlQuery(raw, keys, listTargetsQuerySchema);
}

/** The list's URL with some params changed; undefined removes one. */
export function listHref(params: Record<string, string>, changes: Record<string, string | undefined>): string {
  return hrefWith('/databases', params, changes);
}
