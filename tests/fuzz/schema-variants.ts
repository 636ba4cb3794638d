import type { z } from 'zod';

/** A value for a schema with one leaf replaced, and where that leaf sits ("kubernetes.podSelector"). */
export interface LeafVariant {
  path: string;
  value: unknown;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;
const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** The schema a wrapper or pipe reads its input with: `.optional()`, `.default()`, `.transform()` look through. */
function inputOf(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (wrappers.has(def.type) && def.innerType) return inputOf(def.innerType);
  if (def.type === 'pipe' && def.in) return inputOf(def.in);
  return schema;
}

const optional = (schema: z.ZodType) => schema.safeParse(undefined).success;

/**
 * A plain valid value for the schema, so a request gets past every field but the one under test; undefined
 * where the field may be left out. Leaves take the first candidate their own schema accepts.
 */
export function baseValue(schema: z.ZodType, candidates: readonly unknown[]): unknown {
  if (optional(schema)) return undefined;
  const s = inputOf(schema);
  const def = defOf(s);
  if (def.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, field] of Object.entries(def.shape ?? {})) {
      const v = baseValue(field, candidates);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (def.type === 'array') return [];
  if (def.type === 'union') return baseValue(def.options![0]!, candidates);
  const own = [...Object.values(def.entries ?? {}), ...(def.values ?? [])];
  return [...own, ...candidates].find((c) => schema.safeParse(c).success) ?? candidates[0];
}

/** Every leaf of the schema set to `leaf` in turn, inside an otherwise valid value; each union option is walked. */
export function leafVariants(schema: z.ZodType, leaf: unknown, candidates: readonly unknown[], path = ''): LeafVariant[] {
  const s = inputOf(schema);
  const def = defOf(s);
  if (def.type === 'object') {
    const base = (baseValue(s, candidates) ?? {}) as Record<string, unknown>;
    return Object.entries(def.shape ?? {}).flatMap(([k, field]) =>
      leafVariants(field, leaf, candidates, path ? `${path}.${k}` : k).map((v) => ({ path: v.path, value: { ...base, [k]: v.value } })),
    );
  }
  if (def.type === 'array') return leafVariants(def.element!, leaf, candidates, `${path}.0`).map((v) => ({ path: v.path, value: [v.value] }));
  if (def.type === 'union') {
    const seen = new Set<string>();
    return def.options!.flatMap((o) => leafVariants(o, leaf, candidates, path)).filter((v) => {
      const key = JSON.stringify(v.value);
      return !seen.has(key) && seen.add(key) !== undefined;
    });
  }
  return [{ path: path || '(root)', value: leaf }];
}
