import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-user';
import { listNotificationChannels } from '@/lib/services/notifications/list-notification-channels';
import { NotificationChannelsManager } from './notification-channels-manager';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const ctx = await requireRole('admin');
  const channels = await listNotificationChannels(ctx);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/settings">Settings</Link> <span aria-hidden="true">/</span> <span>Notifications</span>
      </nav>
      <div className="page-header">
        <div className="title-block">
          <h1>Notifications</h1>
          <p className="muted">
            Send alerts to Slack, Microsoft Teams, PagerDuty or a signed webhook besides email. Every message goes through the same outbox as the
            emails: retried with backoff, once per alert and channel, and resolved when the check passes again. Delivery status is on the{' '}
            <Link href="/alerts">Alerts</Link> page.
          </p>
        </div>
      </div>
      <NotificationChannelsManager initialChannels={channels} />
    </>
  );
}
