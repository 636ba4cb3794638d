import Link from 'next/link';
import type { ExceptionPage } from '@/lib/services/exceptions/list-exceptions';
import { formatDate } from '@/lib/ui/format-date';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { RevokeExceptionButton } from './revoke-exception-button';

const whenLabel = { active: 'Accepted until', expired: 'Expired', revoked: 'Revoked', all: 'Until' } as const;

export function ExceptionsTable({ page, canRevoke }: { page: ExceptionPage; canRevoke: boolean }) {
  const showActions = canRevoke && (page.state === 'active' || page.state === 'all');
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Exceptions">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Database</th>
            <th scope="col">Check</th>
            <th scope="col">{whenLabel[page.state]}</th>
            <th scope="col">Accepted by</th>
            <th scope="col">Justification</th>
            {showActions ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {page.items.map((e) => {
            const label = `${e.checkId} on ${e.targetName ?? 'every database'}`;
            return (
              <tr key={e.id}>
                <td className="cell-name">
                  {e.targetId ? (
                    <Link href={`/databases/${e.targetId}`} className="truncate" title={e.targetName ?? undefined}>
                      {e.targetName}
                    </Link>
                  ) : (
                    <span>Every database</span>
                  )}
                </td>
                <td className="cell-check">
                  <Link href={`/checks/${encodeURIComponent(e.checkId)}`}>{e.checkTitle}</Link>
                  <span className="cell-sub mono">{e.checkId}</span>
                </td>
                <td className="nowrap">
                  {e.state === 'active' ? (
                    <span className="badge badge-accepted">Accepted until {formatDate(e.expiresAt)}</span>
                  ) : e.state === 'expired' ? (
                    <span title={formatDateTime(e.expiresAt)}>Expired {formatDate(e.expiresAt)}</span>
                  ) : (
                    <span title={formatDateTime(e.revokedAt)}>Revoked {formatDate(e.revokedAt)}</span>
                  )}
                </td>
                <td>
                  <span className="truncate" title={e.createdBy ?? undefined}>
                    {e.createdBy ?? <span className="muted">unknown</span>}
                  </span>
                  <span className="cell-sub" title={formatDateTime(e.createdAt)}>
                    on {formatDate(e.createdAt)}
                  </span>
                </td>
                <td className="cell-summary">{e.reason}</td>
                {showActions ? <td className="nowrap">{e.state === 'active' ? <RevokeExceptionButton id={e.id} label={label} /> : null}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
