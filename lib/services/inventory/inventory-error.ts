import 'server-only';
import { AppError } from '../../errors/app-error';

/** One problem in an inventory file, with where it is (1-based document and line). */
export interface LocatedIssue {
  document: number;
  line: number;
  path: string;
  message: string;
}

/** `['databases', 3, 'port']` → `databases[3].port`, the way the file's author would name it. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, seg) => {
    if (typeof seg === 'number') return `${out}[${seg}]`;
    return out ? `${out}.${String(seg)}` : String(seg);
  }, '');
}

/** Issues listed at most: a hostile file can hold one per token, and nobody reads past the first hundred. */
const MAX_LISTED = 100;

/** All issues at once, sorted; the location goes into `path` because the API envelope carries only path and message. */
export function inventoryError(issues: readonly LocatedIssue[]): AppError {
  const sorted = [...issues].sort((a, b) => a.document - b.document || a.line - b.line).slice(0, MAX_LISTED);
  const details = sorted.map((i) => ({
    path: `document ${i.document}, line ${i.line}${i.path ? `: ${i.path}` : ''}`,
    message: i.message,
    line: i.line,
    document: i.document,
  }));
  const n = issues.length;
  const listed = n > details.length ? `; the first ${details.length} are listed` : '';
  return new AppError('bad_request', `The inventory file has ${n} error${n === 1 ? '' : 's'}${listed}`, details);
}
