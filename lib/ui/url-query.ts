import type { z } from 'zod';

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * URL params → a valid query for a list page. A bad or empty value is dropped rather than failing the page,
 * since list links get shared and edited by hand.
 */
export function parseUrlQuery<S extends z.ZodType>(raw: RawSearchParams, keys: readonly string[], schema: S): { query: z.output<S>; params: Record<string, string> } {
  const params: Record<string, string> = {};
  for (const k of keys) {
    const v = raw[k];
    const first = (Array.isArray(v) ? v[0] : v)?.trim();
    if (first) params[k] = first;
  }
  for (let attempt = 0; attempt < keys.length; attempt++) {
    const parsed = schema.safeParse(params);
    if (parsed.success) return { query: parsed.data, params };
    for (const issue of parsed.error.issues) delete params[String(issue.path[0])];
  }
  return { query: schema.parse({}), params: {} };
}

/** `path` with the current params, some changed; undefined or '' removes one. */
export function hrefWith(path: string, params: Record<string, string>, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...changes })) if (v !== undefined && v !== '') next.set(k, v);
  const s = next.toString();
  return s ? `${path}?${s}` : path;
}
