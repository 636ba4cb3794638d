import 'server-only';
import { db } from '../../db';
import { authorize, type ServiceContext } from '../service-context';

/** Channel names by id, so readers of the Alerts page see where a delivery went (never a channel's URL or secret). */
export async function listChannelNames(ctx: ServiceContext): Promise<Record<string, string>> {
  authorize(ctx, 'inventory:read');
  const rows = await db.notificationChannel.findMany({ select: { id: true, name: true } });
  return Object.fromEntries(rows.map((c) => [c.id, c.name]));
}
