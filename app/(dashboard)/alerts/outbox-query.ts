import type { z } from 'zod';
import { listOutboxQuerySchema } from '@/lib/validations/outbox';
import { hrefWith, parseUrlQuery, type RawSearchParams } from '@/lib/ui/url-query';

export type OutboxQuery = z.output<typeof listOutboxQuerySchema>;
export type { RawSearchParams };

const keys = ['status', 'kind', 'targetId', 'q', 'page', 'pageSize'] as const;

export function parseOutboxQuery(raw: RawSearchParams): { query: OutboxQuery; params: Record<string, string> } {
  return parseUrlQuery(raw, keys, listOutboxQuerySchema);
}

/** The Alerts page's URL with some params changed, scrolled to the emails. */
export function alertsHref(params: Record<string, string>, changes: Record<string, string | undefined>): string {
  return `${hrefWith('/alerts', params, changes)}#emails`;
}
