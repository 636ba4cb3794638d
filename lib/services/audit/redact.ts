import 'server-only';
const SECRET_KEY = /pass(word)?|secret|token|ciphertext|private|apikey|api_key|credential_value/i;

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Replaces every value under a secret-looking key, at any depth, before anything reaches the audit log. */
export function redact(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = SECRET_KEY.test(k) && !/FromEnv|FromSecret|reference|rotatedAt|Set$/i.test(k) ? '[redacted]' : redact(v);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value as Json;
}

/** The fields that changed, as { field: [before, after] }, already redacted. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Json {
  const diff: Record<string, Json> = {};
  for (const key of Object.keys(after)) {
    // Redact through the key itself, so a changed secret field shows only that it changed.
    const a = (redact({ [key]: before[key] }) as Record<string, Json>)[key] ?? null;
    const b = (redact({ [key]: after[key] }) as Record<string, Json>)[key] ?? null;
    if (JSON.stringify(redactNothing(before[key])) !== JSON.stringify(redactNothing(after[key]))) diff[key] = [a, b];
  }
  return diff;
}

function redactNothing(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : (v ?? null);
}
