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

/** All issues at once, sorted; the location goes into `path` because the API envelope carries only path and message. */
export function inventoryError(issues: readonly LocatedIssue[]): AppError {
  const sorted = [...issues].sort((a, b) => a.document - b.document || a.line - b.line);
  const details = sorted.map((i) => ({
    path: `document ${i.document}, line ${i.line}${i.path ? `: ${i.path}` : ''}`,
    message: i.message,
    line: i.line,
    document: i.document,
  }));
  const n = details.length;
  return new AppError('bad_request', `The inventory file has ${n} error${n === 1 ? '' : 's'}`, details);
}
