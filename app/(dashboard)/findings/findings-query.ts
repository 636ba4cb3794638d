import type { z } from 'zod';
import { listFindingsQuerySchema } from '@/lib/validations/finding';

export type FindingsQuery = z.output<typeof listFindingsQuerySchema>;
export type RawSearchParams = Record<string, string | string[] | undefined>;

const keys = ['q', 'severity', 'checkId', 'team', 'environment', 'status', 'exceptions', 'sort', 'dir', 'page', 'pageSize'] as const;
export const findingFilterKeys = ['q', 'severity', 'checkId', 'team', 'environment', 'status', 'exceptions'] as const;

/** URL params → a valid query; a bad value is dropped rather than failing the page (links get shared and edited). */
export function parseFindingsQuery(raw: RawSearchParams): { query: FindingsQuery; params: Record<string, string> } {
  const params: Record<string, string> = {};
  for (const k of keys) {
    const v = raw[k];
    const first = (Array.isArray(v) ? v[0] : v)?.trim();
    if (first) params[k] = first;
  }
  for (let attempt = 0; attempt < keys.length; attempt++) {
    const parsed = listFindingsQuerySchema.safeParse(params);
    if (parsed.success) return { query: parsed.data, params };
    for (const issue of parsed.error.issues) delete params[String(issue.path[0])];
  }
  return { query: listFindingsQuerySchema.parse({}), params: {} };
}

function withParams(path: string, params: Record<string, string>, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...changes })) if (v !== undefined && v !== '') next.set(k, v);
  const s = next.toString();
  return s ? `${path}?${s}` : path;
}

/** The findings list's URL with some params changed; undefined removes one. */
export function findingsHref(params: Record<string, string>, changes: Record<string, string | undefined>): string {
  return withParams('/findings', params, changes);
}

/** The CSV of everything the current filters match, in the same order: the page number does not apply. */
export function findingsExportHref(params: Record<string, string>): string {
  return withParams('/api/v1/findings/export', params, { page: undefined, pageSize: undefined });
}
