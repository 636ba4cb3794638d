import type { z } from 'zod';
import { listOutboxQuerySchema } from '@/lib/validations/outbox';

export type OutboxQuery = z.output<typeof listOutboxQuerySchema>;
export type RawSearchParams = Record<string, string | string[] | undefined>;

const keys = ['status', 'kind', 'targetId', 'q', 'page', 'pageSize'] as const;

/** URL params → a valid query; a bad value is dropped rather than failing the page. */
export function parseOutboxQuery(raw: RawSearchParams): { query: OutboxQuery; params: Record<string, string> } {
  const params: Record<string, string> = {};
  for (const k of keys) {
    const v = raw[k];
    const first = (Array.isArray(v) ? v[0] : v)?.trim();
    if (first) params[k] = first;
  }
  for (let attempt = 0; attempt < keys.length; attempt++) {
    const parsed = listOutboxQuerySchema.safeParse(params);
    if (parsed.success) return { query: parsed.data, params };
    for (const issue of parsed.error.issues) delete params[String(issue.path[0])];
  }
  return { query: listOutboxQuerySchema.parse({}), params: {} };
}

export function alertsHref(params: Record<string, string>, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...changes })) if (v !== undefined && v !== '') next.set(k, v);
  const s = next.toString();
  return s ? `/alerts?${s}#emails` : '/alerts#emails';
}
