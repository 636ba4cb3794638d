import type { CheckResult } from '../checks/check-definition';

const colours = { pass: 32, warn: 33, fail: 31, error: 35, skip: 90 } as const;

/** A readable table for terminals; colour only when the stream is a TTY, and the status word always shown. */
export function renderScanTable(target: string, score: number | null, grade: string | null, results: CheckResult[], colour: boolean): string {
  const paint = (code: number, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const idWidth = Math.max(...results.map((r) => r.id.length), 5);
  const lines = results.map((r) => {
    const status = paint(colours[r.status], r.status.toUpperCase().padEnd(5));
    return `  ${status}  ${r.severity.padEnd(8)}  ${r.id.padEnd(idWidth)}  ${r.summary}`;
  });
  const failing = results.filter((r) => r.status === 'fail' || r.status === 'warn' || r.status === 'error');
  const fixes = failing.length ? `\nTo fix (${failing.length}): see "posture scan --json" for each check's remediation, or the Posture UI.\n` : '';
  return `\n${target}  grade ${paint(1, grade ?? '—')}  score ${score ?? '—'}\n\n${lines.join('\n')}\n${fixes}`;
}
