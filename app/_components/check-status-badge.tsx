import type { CheckStatus } from '@/lib/checks/check-definition';

/** PASS/WARN/FAIL/ERROR/SKIP: the word is always shown; the colour only reinforces it. */
export function CheckStatusBadge({ status }: { status: CheckStatus }) {
  return <span className={`status status-${status}`}>{status.toUpperCase()}</span>;
}
