import 'server-only';
import { db } from '../../db';
import type { ChannelDeliveryView } from '../../validations/api/notification-channel-schemas';
import { authorize, type ServiceContext } from '../service-context';
import { channelDeliverySelect, toChannelDeliveryView } from './channel-view';

/** The newest deliveries to notification channels, for the Alerts page (no secret is ever in a row). */
export async function listChannelDeliveries(ctx: ServiceContext, input: { take?: number } = {}): Promise<ChannelDeliveryView[]> {
  authorize(ctx, 'inventory:read');
  const rows = await db.outbox.findMany({ where: { channelId: { not: null } }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: Math.min(Math.max(input.take ?? 25, 1), 100), select: channelDeliverySelect });
  return rows.map(toChannelDeliveryView);
}
