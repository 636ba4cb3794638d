import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { roleAllows } from '@/lib/access/permissions';
import { getSetting } from '@/lib/services/settings/get-setting';
import { getDeliveryStatus } from '@/lib/services/alerts/get-delivery-status';
import { listOutbox } from '@/lib/services/alerts/list-outbox';
import { listChannelDeliveries } from '@/lib/services/notifications/list-channel-deliveries';
import { listChannelNames } from '@/lib/services/notifications/list-channel-names';
import { ChannelDeliveriesCard } from './channel-deliveries-card';
import { EmptyState } from '../../_components/empty-state';
import { PageLinks } from '../../_components/page-links';
import { AlertRulesForm } from './alert-rules-form';
import { DeliveryStatusCard } from './delivery-status-card';
import { OutboxFilters } from './outbox-filters';
import { alertsHref, parseOutboxQuery, type RawSearchParams } from './outbox-query';
import { OutboxTable } from './outbox-table';
import { SendTestEmailForm } from './send-test-email-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Alerts' };

const tabs = [
  { status: 'all', label: 'All' },
  { status: 'pending', label: 'Pending' },
  { status: 'sent', label: 'Sent' },
  { status: 'dead', label: 'Dead' },
] as const;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireUser();
  const { query, params } = parseOutboxQuery(await searchParams);
  const [emails, status, settings, deliveries, channelNames] = await Promise.all([
    listOutbox(ctx, query), getDeliveryStatus(ctx), getSetting(ctx, 'alerts'), listChannelDeliveries(ctx), listChannelNames(ctx),
  ]);
  const canManage = roleAllows(ctx.actor.role, 'alerts:manage');
  const filtered = Boolean(query.q || query.kind || query.targetId);

  return (
    <>
      <div className="page-header">
        <div className="title-block">
          <h1>Alerts</h1>
          <p className="muted small">
            Emails to database owners and the security list before certificates expire, passwords fall due or backups go stale. Each is written to an outbox with
            the change that caused it and delivered at least once; nothing is lost while mail is down.
          </p>
        </div>
      </div>
      <DeliveryStatusCard status={status} canManage={canManage} />
      {canManage ? <SendTestEmailForm defaultTo={ctx.actor.email} /> : null}

      <section className="stack" aria-labelledby="emails" id="emails-section">
        <h2 id="emails" className="section-title">
          Emails
        </h2>
        <nav className="tabs" aria-label="Email status">
          {tabs.map((t) => (
            <Link key={t.status} href={alertsHref(params, { status: t.status, page: undefined })} className="tab" aria-current={query.status === t.status ? 'page' : undefined}>
              {t.label} <span className="tab-count">{emails.counts[t.status]}</span>
            </Link>
          ))}
        </nav>
        <OutboxFilters query={query} kinds={emails.kinds} />
        {emails.total === 0 ? (
          filtered ? (
            <EmptyState title="No emails match these filters">
              <p>
                <Link href={alertsHref({}, { status: query.status })}>Clear the filters</Link>.
              </p>
            </EmptyState>
          ) : query.status === 'dead' ? (
            <EmptyState title="No dead emails">
              <p>Every email was delivered or is still being tried.</p>
            </EmptyState>
          ) : (
            <EmptyState title={query.status === 'all' ? 'No alert emails yet' : `No ${query.status} emails`}>
              <p>
                Alerts are written when a scan finds an expiring certificate, a password due for rotation, a stale backup, failing WAL archiving, a grade drop or a
                new critical finding (the rules below).{canManage ? ' Send a test email above to check delivery.' : ''}
              </p>
            </EmptyState>
          )
        ) : (
          <>
            <OutboxTable page={emails} canRetry={canManage} />
            <PageLinks total={emails.total} page={emails.page} pageSize={emails.pageSize} hrefFor={(page) => alertsHref(params, { page: String(page) })} />
          </>
        )}
      </section>

      <ChannelDeliveriesCard deliveries={deliveries} channelNames={channelNames} canManage={canManage} />

      <AlertRulesForm initial={settings} canManage={canManage} />
    </>
  );
}
