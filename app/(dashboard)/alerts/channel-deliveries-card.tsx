import Link from 'next/link';
import type { ChannelDeliveryView } from '@/lib/validations/api/notification-channel-schemas';

/** Delivery status per notification channel, then its newest deliveries with the reason of any failure. */
export function ChannelDeliveriesCard({ deliveries, channelNames, canManage }: { deliveries: ChannelDeliveryView[]; channelNames: Record<string, string>; canManage: boolean }) {
  const per = new Map<string, { pending: number; sent: number; dead: number }>();
  for (const d of deliveries) {
    const c = per.get(d.channelId) ?? { pending: 0, sent: 0, dead: 0 };
    c[d.status]++;
    per.set(d.channelId, c);
  }
  return (
    <section className="stack" aria-labelledby="channel-deliveries">
      <h2 id="channel-deliveries" className="section-title">
        Channel deliveries
      </h2>
      {deliveries.length === 0 ? (
        <p className="muted small">
          No Slack, Teams, PagerDuty or webhook deliveries yet.{canManage ? <> Add a channel in <Link href="/settings/notifications">Settings → Notifications</Link>.</> : null}
        </p>
      ) : (
        <>
          <p className="small">
            {[...per.entries()].map(([id, c]) => `${channelNames[id] ?? 'deleted channel'}: ${c.sent} sent, ${c.pending} pending, ${c.dead} dead`).join(' · ')}
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>{channelNames[d.channelId] ?? 'deleted channel'}</td>
                    <td>
                      {d.event} · {d.subject}
                    </td>
                    <td>
                      <span className="badge">{d.status}</span>
                      {d.responseStatus ? <span className="muted small"> HTTP {d.responseStatus}</span> : null}
                    </td>
                    <td>{d.attempts}</td>
                    <td className="small">{d.lastError ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
