import 'server-only';
import { db } from '../../db';
import { smtpSettings } from '../../alerts/smtp-settings';
import { authorize, type ServiceContext } from '../service-context';

export type SmtpStatusView =
  | { status: 'configured'; host: string; port: number; security: 'tls' | 'starttls' | 'opportunistic'; from: string; authenticates: boolean; maxAttempts: number }
  | { status: 'not-configured' }
  | { status: 'invalid'; problems: string[] };

export interface DeliveryStatus {
  smtp: SmtpStatusView;
  /** pending and due or backing off */
  pending: number;
  waitingForDigest: number;
  dead: number;
  oldestPendingAt: string | null;
  lastSentAt: string | null;
}

/** The banner on the Alerts page: where mail goes (host and sender, never the password) and what is waiting. */
export async function getDeliveryStatus(ctx: ServiceContext): Promise<DeliveryStatus> {
  authorize(ctx, 'inventory:read');
  const s = smtpSettings();
  const smtp: SmtpStatusView =
    s.status === 'configured'
      ? {
          status: 'configured',
          host: s.settings.host,
          port: s.settings.port,
          security: s.settings.secure ? 'tls' : s.settings.requireTls ? 'starttls' : 'opportunistic',
          from: s.settings.from,
          authenticates: Boolean(s.settings.user),
          maxAttempts: s.settings.maxAttempts,
        }
      : s;
  const [pending, waitingForDigest, dead, oldest, last] = await Promise.all([
    db.outbox.count({ where: { status: 'pending', digest: false, channelId: null } }),
    db.outbox.count({ where: { status: 'pending', digest: true } }),
    db.outbox.count({ where: { status: 'dead', channelId: null } }),
    db.outbox.findFirst({ where: { status: 'pending', digest: false, channelId: null }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    db.outbox.findFirst({ where: { status: 'sent', digestedIntoId: null, sentAt: { not: null }, channelId: null }, orderBy: { sentAt: 'desc' }, select: { sentAt: true } }),
  ]);
  return { smtp, pending, waitingForDigest, dead, oldestPendingAt: oldest?.createdAt.toISOString() ?? null, lastSentAt: last?.sentAt?.toISOString() ?? null };
}
