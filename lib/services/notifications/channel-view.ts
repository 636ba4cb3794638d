import 'server-only';
import type { Db, Tx } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import type { ChannelDeliveryView, ChannelType, NotificationChannelView } from '../../validations/api/notification-channel-schemas';

export const channelViewSelect = {
  id: true,
  name: true,
  type: true,
  enabled: true,
  url: true,
  kinds: true,
  minSeverity: true,
  environments: true,
  teams: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.NotificationChannelSelect;

type Row = Prisma.NotificationChannelGetPayload<{ select: typeof channelViewSelect }>;

export const channelDeliverySelect = {
  id: true,
  channelId: true,
  event: true,
  kind: true,
  subject: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  responseStatus: true,
  sentAt: true,
  createdAt: true,
} satisfies Prisma.OutboxSelect;

export function toChannelDeliveryView(r: Prisma.OutboxGetPayload<{ select: typeof channelDeliverySelect }>): ChannelDeliveryView {
  return {
    id: r.id,
    channelId: r.channelId ?? '',
    event: (r.event ?? 'trigger') as ChannelDeliveryView['event'],
    kind: r.kind,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
    lastError: r.lastError,
    responseStatus: r.responseStatus,
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Channels as the API shows them: routing, delivery counts and the newest delivery; the secret only as "set". */
export async function toChannelViews(client: Db | Tx, rows: Row[]): Promise<NotificationChannelView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [grouped, latest] = await Promise.all([
    client.outbox.groupBy({ by: ['channelId', 'status'], where: { channelId: { in: ids } }, _count: { _all: true } }),
    client.outbox.findMany({ where: { channelId: { in: ids } }, orderBy: { createdAt: 'desc' }, distinct: ['channelId'], select: { channelId: true, status: true, createdAt: true, sentAt: true, lastError: true, responseStatus: true } }),
  ]);
  return rows.map((r) => {
    const deliveries = { pending: 0, sent: 0, dead: 0 };
    for (const g of grouped) if (g.channelId === r.id) deliveries[g.status] = g._count._all;
    const last = latest.find((l) => l.channelId === r.id);
    return {
      id: r.id,
      name: r.name,
      type: r.type as ChannelType,
      enabled: r.enabled,
      url: r.url,
      secret: 'set' as const,
      kinds: r.kinds as NotificationChannelView['kinds'],
      minSeverity: r.minSeverity as NotificationChannelView['minSeverity'],
      environments: r.environments,
      teams: r.teams,
      deliveries,
      lastDelivery: last ? { status: last.status, at: (last.sentAt ?? last.createdAt).toISOString(), error: last.lastError, responseStatus: last.responseStatus } : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
