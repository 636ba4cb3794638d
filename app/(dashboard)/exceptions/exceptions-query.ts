import type { z } from 'zod';
import { listExceptionsQuerySchema } from '@/lib/validations/exception';
import { hrefWith, parseUrlQuery, type RawSearchParams } from '@/lib/ui/url-query';

export type ExceptionsQuery = z.output<typeof listExceptionsQuerySchema>;
export type { RawSearchParams };

const keys = ['state', 'q', 'checkId', 'targetId', 'page', 'pageSize'] as const;

export function parseExceptionsQuery(raw: RawSearchParams): { query: ExceptionsQuery; params: Record<string, string> } {
  return parseUrlQuery(raw, keys, listExceptionsQuerySchema);
}

export function exceptionsHref(params: Record<string, string>, changes: Record<string, string | undefined>): string {
  return hrefWith('/exceptions', params, changes);
}
