import Link from 'next/link';
import type { FleetOverview, PasswordDue } from '@/lib/services/fleet/fleet-overview-view';
import { formatDate } from '@/lib/ui/format-date';
import { CheckStatusBadge } from '../../_components/check-status-badge';

function detail(p: PasswordDue): string {
  const from = p.source && p.source !== 'none' ? ` (from ${p.source})` : '';
  if (p.ageDays !== null && p.policyDays !== null) return `rotated ${p.ageDays} days ago, policy ${p.policyDays} days${from}`;
  if (p.validUntil) return `rolvaliduntil ${formatDate(p.validUntil)}`;
  return p.summary ?? '';
}

/** password.age at WARN (due within 10 days) or FAIL (overdue), failing first. */
export function PasswordsDue({ passwordsDue }: Pick<FleetOverview, 'passwordsDue'>) {
  const { items, total } = passwordsDue;
  return (
    <section className="card attention" aria-labelledby="passwords-heading">
      <h2 id="passwords-heading" className="card-title">
        Passwords due {total > 0 ? <span className="count-pill">{total}</span> : null}
      </h2>
      {items.length === 0 ? (
        <p className="attention-empty">No passwords are due for rotation.</p>
      ) : (
        <ul className="attention-list">
          {items.map((p) => (
            <li key={p.targetId}>
              <CheckStatusBadge status={p.status} />
              <div className="attention-main">
                <Link href={`/databases/${p.targetId}`} className="attention-name">
                  {p.targetName}
                </Link>
                <span className="attention-detail">{detail(p)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {total > items.length ? <p className="muted small attention-more">and {total - items.length} more</p> : null}
    </section>
  );
}
