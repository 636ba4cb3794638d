import Link from 'next/link';
import type { CheckStatus } from '@/lib/checks/check-definition';
import type { CheckEventView } from '@/lib/services/targets/list-check-events';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { CheckStatusBadge } from '../../../_components/check-status-badge';

type Row = { kind: 'change'; event: CheckEventView } | { kind: 'first'; at: string; events: CheckEventView[] };

const statusOrder: CheckStatus[] = ['fail', 'warn', 'error', 'pass', 'skip'];

/** A first scan records every check as new; one line with counts says that better than seventeen. */
function toRows(events: CheckEventView[]): Row[] {
  const rows: Row[] = [];
  for (const e of events) {
    const last = rows.at(-1);
    if (e.from !== null) rows.push({ kind: 'change', event: e });
    else if (last?.kind === 'first' && last.at === e.at) last.events.push(e);
    else rows.push({ kind: 'first', at: e.at, events: [e] });
  }
  return rows;
}

function When({ at }: { at: string }) {
  return (
    <time className="event-at muted small" dateTime={at}>
      {formatDateTime(at)}
    </time>
  );
}

function FirstResults({ at, events }: { at: string; events: CheckEventView[] }) {
  const counts = statusOrder.map((s) => ({ s, n: events.filter((e) => e.to === s).length })).filter((c) => c.n > 0);
  const notPassing = events.filter((e) => e.to === 'fail' || e.to === 'warn' || e.to === 'error');
  return (
    <li className="event event-first">
      <span className="event-check">
        <span>First results for {events.length === 1 ? '1 check' : `${events.length} checks`}</span>
        {notPassing.length > 0 ? (
          <span className="event-first-open">
            {notPassing.map((e) => (
              <span key={e.id} className="event-first-item">
                <CheckStatusBadge status={e.to} /> <Link href={`/checks/${e.checkId}`}>{e.title}</Link>
              </span>
            ))}
          </span>
        ) : null}
      </span>
      <span className="event-change event-counts" aria-label="First results by status">
        {counts.map(({ s, n }) => (
          <span key={s} className="event-count">
            <CheckStatusBadge status={s} /> {n}
          </span>
        ))}
      </span>
      <When at={at} />
    </li>
  );
}

/** Status changes, newest first: "TLS is enabled  PASS → FAIL  2026-11-26 10:15 UTC". */
export function CheckEventsList({ events }: { events: CheckEventView[] }) {
  return (
    <section className="card" aria-labelledby="events-heading">
      <h2 id="events-heading" className="card-title">
        Status changes
      </h2>
      {events.length === 0 ? (
        <p className="muted" role="status">
          No changes yet.
        </p>
      ) : (
        <ol className="events">
          {toRows(events).map((row) =>
            row.kind === 'first' ? (
              <FirstResults key={`first-${row.at}`} at={row.at} events={row.events} />
            ) : (
              <li key={row.event.id} className="event">
                <span className="event-check">
                  <Link href={`/checks/${row.event.checkId}`}>{row.event.title}</Link>
                </span>
                <span className="event-change">
                  {row.event.from ? <CheckStatusBadge status={row.event.from} /> : null}
                  <span className="sr-only">changed to</span>
                  <span aria-hidden="true">→</span>
                  <CheckStatusBadge status={row.event.to} />
                </span>
                <When at={row.event.at} />
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
