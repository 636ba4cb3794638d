import type { DeliveryStatus } from '@/lib/services/alerts/get-delivery-status';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { DeliverNowButton } from './deliver-now-button';

const securityLabel = { tls: 'implicit TLS', starttls: 'STARTTLS required', opportunistic: 'STARTTLS when offered' } as const;

/** Where mail goes (host and sender; never a password) and what is waiting, or why delivery is paused. */
export function DeliveryStatusCard({ status, canManage }: { status: DeliveryStatus; canManage: boolean }) {
  const { smtp } = status;
  return (
    <section className="card delivery-status" aria-labelledby="delivery-heading">
      <div className="card-head">
        <h2 id="delivery-heading" className="card-title">
          Delivery
        </h2>
        {canManage && smtp.status === 'configured' ? <DeliverNowButton /> : null}
      </div>
      {smtp.status === 'configured' ? (
        <p className="delivery-line">
          <span className="badge badge-ok">Active</span> Sending through{' '}
          <strong className="mono">
            {smtp.host}:{smtp.port}
          </strong>{' '}
          ({securityLabel[smtp.security]}
          {smtp.authenticates ? ', with a login' : ''}) as <span className="mono">{smtp.from}</span>. The worker delivers every minute and retries with backoff up to{' '}
          {smtp.maxAttempts} attempts.
        </p>
      ) : smtp.status === 'not-configured' ? (
        <div className="alert alert-warn" role="status">
          <p>
            <strong>Delivery is paused: no SMTP server is configured.</strong> Alerts are still written and wait here as pending; nothing is lost. Set{' '}
            <code>POSTURE_SMTP_HOST</code> and <code>POSTURE_SMTP_FROM</code> (and <code>POSTURE_SMTP_USER</code>/<code>POSTURE_SMTP_PASSWORD</code> if the server
            needs a login) for the web and worker processes.
          </p>
        </div>
      ) : (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>Delivery is paused: the SMTP settings are invalid.</strong> Alerts wait as pending until they are fixed.
          </p>
          <ul>
            {smtp.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="delivery-counts">
        <div>
          <dt>Pending</dt>
          <dd>{status.pending}</dd>
        </div>
        <div>
          <dt>Waiting for a digest</dt>
          <dd>{status.waitingForDigest}</dd>
        </div>
        <div>
          <dt>Dead</dt>
          <dd className={status.dead ? 'count-fail' : undefined}>{status.dead}</dd>
        </div>
        <div>
          <dt>Oldest pending</dt>
          <dd>{formatDateTime(status.oldestPendingAt)}</dd>
        </div>
        <div>
          <dt>Last sent</dt>
          <dd>{formatDateTime(status.lastSentAt, 'never')}</dd>
        </div>
      </dl>
    </section>
  );
}
