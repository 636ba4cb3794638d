import { formatDateTime } from '@/lib/ui/format-date-time';
import { formatRelativeTime } from '@/lib/ui/format-relative-time';

/** "3 min ago" with the exact time on hover, or "never"; `now` lets a server-rendered page use one clock. */
export function LastScanTime({ at, now }: { at: string | null; now?: number }) {
  if (!at) return <span className="muted">never</span>;
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelativeTime(at, now)}
    </time>
  );
}
