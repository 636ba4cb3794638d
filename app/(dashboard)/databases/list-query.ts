import type { z } from 'zod';
import { listTargetsQuerySchema } from '@/lib/validations/target';

export type ListQuery = z.output<typeof listTargetsQuerySchema>;
export type RawSearchParams = Record<string, string | string[] | undefined>;

const keys = ['q', 'engine', 'environment', 'team', 'tag', 'archived', 'sort', 'dir', 'page', 'pageSize'] as const;

/** URL params → a valid query; a bad or empty value is dropped rather than failing the page (links get shared and edited). */
export function parseListQuery(raw: RawSearchParams): { query: ListQuery; params: Record<string, string> } {
  const params: Record<string, string> = {};
  for (const k of keys) {
    const v = raw[k];
    const first = (Array.isArray(v) ? v[0] : v)?.trim();
    if (first) params[k] = first;
  }
  for (let attempt = 0; attempt < keys.length; attempt++) {
    const parsed = listTargetsQuerySchema.safeParse(params);
    if (parsed.success) return { query: parsed.data, params };
    for (const issue of parsed.error.issues) delete params[String(issue.path[0])];
  }
  return { query: listTargetsQuerySchema.parse({}), params: {} };
}

/** The list's URL with some params changed; undefined removes one. */
export function listHref(params: Record<string, string>, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...changes })) if (v !== undefined && v !== '') next.set(k, v);
  const s = next.toString();
  return s ? `/databases?${s}` : '/databases';
}
