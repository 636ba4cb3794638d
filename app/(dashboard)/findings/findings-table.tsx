import type { FindingPage } from '@/lib/services/findings/list-findings';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { formatRelativeTime } from '@/lib/ui/format-relative-time';
import { FindingRow } from './finding-row';
import { FindingsSortHeader } from './findings-sort-header';

interface Props {
  page: FindingPage;
  params: Record<string, string>;
  canAccept: boolean;
}

export function FindingsTable({ page, params, canAccept }: Props) {
  const sort = { sort: page.sort, dir: page.dir, params };
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Findings">
      <table className="data-table findings-table">
        <thead>
          <tr>
            <FindingsSortHeader field="target" label="Database" {...sort} />
            <FindingsSortHeader field="check" label="Check" {...sort} />
            <FindingsSortHeader field="severity" label="Severity" {...sort} />
            <th scope="col">Status</th>
            <th scope="col">Observed</th>
            <FindingsSortHeader field="since" label="Since" {...sort} />
            <th scope="col">Exception</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((f) => (
            <FindingRow
              key={`${f.targetId}/${f.checkId}`}
              finding={f}
              since={{ text: formatRelativeTime(f.changedAt), title: `Status since ${formatDateTime(f.changedAt)}` }}
              canAccept={canAccept}
              columns={7}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
