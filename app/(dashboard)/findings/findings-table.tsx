import type { FindingPage } from '@/lib/services/findings/list-findings';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { formatRelativeTime } from '@/lib/ui/format-relative-time';
import { FindingsWorkList } from './findings-work-list';

interface Props {
  page: FindingPage;
  params: Record<string, string>;
  canAccept: boolean;
  canAssign: boolean;
}

/** The page of findings; "3 h ago" is worked out here, on the server, so the client never renders a different text. */
export function FindingsTable({ page, params, canAccept, canAssign }: Props) {
  const since = page.items.map((f) => ({ text: formatRelativeTime(f.changedAt), title: `Status since ${formatDateTime(f.changedAt)}` }));
  return <FindingsWorkList page={page} since={since} params={params} canAccept={canAccept} canAssign={canAssign} />;
}
