import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '../../db';
import { sealSecret } from '../../crypto/envelope';
import { envKeyring } from '../../crypto/keyring';
import { AppError } from '../../errors/app-error';
import { channelSecretBinding } from '../../alerts/channels/channel-secret-binding';
import { createChannelSchema, defaultChannelRouting, PAGERDUTY_EVENTS_URL, type CreateChannelInput, type NotificationChannelView } from '../../validations/api/notification-channel-schemas';
import { isUniqueViolation } from '../targets/name-conflict';
import { networkPolicySetting } from '../../settings/network-policy-setting';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { assertChannelUrlAllowed } from './assert-channel-url-allowed';
import { channelViewSelect, toChannelViews } from './channel-view';

/** The type's one secret and the URL shown back (null for Slack and Teams, whose URL is the secret). */
export function channelSecretAndUrl(data: ReturnType<typeof createChannelSchema.parse>): { secret: string; url: string | null; urlToCheck: { url: string; path: string } } {
  if (data.type === 'slack' || data.type === 'teams') return { secret: data.webhookUrl, url: null, urlToCheck: { url: data.webhookUrl, path: 'webhookUrl' } };
  if (data.type === 'pagerduty') {
    const url = data.url ?? PAGERDUTY_EVENTS_URL;
    return { secret: data.routingKey, url, urlToCheck: { url, path: 'url' } };
  }
  return { secret: data.signingSecret, url: data.url, urlToCheck: { url: data.url, path: 'url' } };
}

/** A new channel; its secret is sealed to the new row at once and only ever shown back as "set" (audited, without it). */
export async function createNotificationChannel(ctx: ServiceContext, input: CreateChannelInput): Promise<NotificationChannelView> {
  authorize(ctx, 'alerts:manage');
  const data = createChannelSchema.parse(input);
  const { secret, url, urlToCheck } = channelSecretAndUrl(data);
  await assertChannelUrlAllowed(urlToCheck.url, await networkPolicySetting.load(), urlToCheck.path);
  const id = randomUUID();
  const sealed = sealSecret(envKeyring(), secret, channelSecretBinding(id, data.type));
  const routing = {
    kinds: data.kinds ?? defaultChannelRouting.kinds,
    minSeverity: data.minSeverity ?? defaultChannelRouting.minSeverity,
    environments: data.environments ?? [],
    teams: data.teams ?? [],
  };
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.notificationChannel.create({
        data: { id, name: data.name, type: data.type, enabled: data.enabled ?? true, url, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, ...routing },
        select: channelViewSelect,
      });
      await writeAudit(tx, ctx, { action: 'notification_channel.create', entity: 'notification_channel', entityId: id, diff: { name: data.name, type: data.type, url, enabled: row.enabled, ...routing } });
      return (await toChannelViews(tx, [row]))[0]!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', `A notification channel named "${data.name}" already exists`);
    throw e;
  }
}
