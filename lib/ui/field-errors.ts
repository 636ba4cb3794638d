import type { ErrorDetail } from '../errors/app-error';

export interface FieldErrors {
  /** messages for a form field, keyed by the API path the field maps to */
  byField: Record<string, string>;
  /** details no visible field claims; shown in the form's summary */
  rest: ErrorDetail[];
}

/** Assigns each detail to the longest known path that equals it or prefixes it (tags.2 → tags). */
export function groupFieldErrors(details: readonly ErrorDetail[] | undefined, paths: readonly string[]): FieldErrors {
  const byField: Record<string, string> = {};
  const rest: ErrorDetail[] = [];
  const sorted = [...paths].sort((a, b) => b.length - a.length);
  for (const d of details ?? []) {
    const owner = sorted.find((p) => d.path === p || d.path.startsWith(`${p}.`));
    if (owner === undefined) rest.push(d);
    else byField[owner] = byField[owner] ? `${byField[owner]}; ${d.message}` : d.message;
  }
  return { byField, rest };
}
