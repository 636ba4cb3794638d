import type { OutboxPage } from '@/lib/services/alerts/list-outbox';
import { OutboxRow } from './outbox-row';

const COLUMNS = 6;

export function OutboxTable({ page, canRetry }: { page: OutboxPage; canRetry: boolean }) {
  return (
    <div className="table-wrap outbox-wrap" tabIndex={0} role="region" aria-label="Alert emails">
      <table className="data-table outbox-table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Recipients</th>
            <th scope="col">Status</th>
            <th scope="col">When</th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((e) => (
            <OutboxRow key={e.id} email={e} canRetry={canRetry} columns={COLUMNS} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
