import Link from 'next/link';
import type { FleetOverview } from '@/lib/services/fleet/fleet-overview-view';
import { formatDate } from '@/lib/ui/format-date';

function daysLeftLabel(days: number): { text: string; tone: string } {
  if (days < 0) return { text: days === -1 ? 'expired 1 day ago' : `expired ${-days} days ago`, tone: 'expired' };
  if (days === 0) return { text: 'expires today', tone: 'expired' };
  return { text: days === 1 ? '1 day left' : `${days} days left`, tone: days <= 14 ? 'urgent' : 'soon' };
}

/** Certificates expired or expiring within 30 days, soonest first, each with its days left in words and colour. */
export function ExpiringCertificates({ certificates }: Pick<FleetOverview, 'certificates'>) {
  const { items, total } = certificates;
  return (
    <section className="card attention" aria-labelledby="certs-heading">
      <h2 id="certs-heading" className="card-title">
        Certificates expiring {total > 0 ? <span className="count-pill">{total}</span> : null}
      </h2>
      {items.length === 0 ? (
        <p className="attention-empty">No certificates expire in the next 30 days.</p>
      ) : (
        <ol className="attention-list timeline">
          {items.map((c) => {
            const left = daysLeftLabel(c.daysLeft);
            return (
              <li key={c.targetId} className={`timeline-${left.tone}`}>
                <span className={`days-left days-left-${left.tone}`}>{left.text}</span>
                <div className="attention-main">
                  <Link href={`/databases/${c.targetId}`} className="attention-name">
                    {c.targetName}
                  </Link>
                  <span className="attention-detail">
                    notAfter <time dateTime={c.notAfter}>{formatDate(c.notAfter)}</time>
                    {c.subject ? <span className="attention-subject" title={c.subject}> · {c.subject}</span> : null}
                  </span>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {total > items.length ? <p className="muted small attention-more">and {total - items.length} more</p> : null}
    </section>
  );
}
