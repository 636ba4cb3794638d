import Link from 'next/link';
import type { FleetOverview } from '@/lib/services/fleet/fleet-overview-view';
import { formatDate } from '@/lib/ui/format-date';
import { CheckStatusBadge } from '../../_components/check-status-badge';

const checkLabel = { 'backup.freshness': 'No recent backup', 'backup.wal_archiving': 'WAL archiving broken' } as const;

/** Failing backup freshness and WAL archiving, the longest failing first. */
export function StaleBackups({ staleBackups }: Pick<FleetOverview, 'staleBackups'>) {
  const { items, total } = staleBackups;
  return (
    <section className="card attention" aria-labelledby="backups-heading">
      <h2 id="backups-heading" className="card-title">
        Stale backups {total > 0 ? <span className="count-pill">{total}</span> : null}
      </h2>
      {items.length === 0 ? (
        <p className="attention-empty">No failing backups or WAL archiving.</p>
      ) : (
        <ul className="attention-list">
          {items.map((b) => (
            <li key={`${b.targetId}:${b.checkId}`}>
              <CheckStatusBadge status="fail" />
              <div className="attention-main">
                <Link href={`/databases/${b.targetId}`} className="attention-name">
                  {b.targetName}
                </Link>
                <span className="attention-detail" title={b.summary ?? undefined}>
                  <span className="attention-kind">{checkLabel[b.checkId]}</span> since <time dateTime={b.since}>{formatDate(b.since)}</time>
                  {b.summary ? ` · ${b.summary}` : ''}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {total > items.length ? <p className="muted small attention-more">and {total - items.length} more</p> : null}
    </section>
  );
}
