import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { sealSecret } from '../../crypto/envelope';
import { envKeyring } from '../../crypto/keyring';
import { AppError } from '../../errors/app-error';
import { channelSecretBinding, secretFieldOf } from '../../alerts/channels/channel-secret-binding';
import { updateChannelSchema, type ChannelType, type NotificationChannelView, type UpdateChannelInput } from '../../validations/api/notification-channel-schemas';
import { isUniqueViolation } from '../targets/name-conflict';
import { networkPolicySetting } from '../../settings/network-policy-setting';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { assertChannelUrlAllowed } from './assert-channel-url-allowed';
import { channelViewSelect, toChannelViews } from './channel-view';

const secretFields = ['webhookUrl', 'routingKey', 'signingSecret'] as const;

/** Changes a channel's name, routing, URL or secret (a secret left out stays); the type never changes (audited). */
export async function updateNotificationChannel(ctx: ServiceContext, id: string, input: UpdateChannelInput): Promise<NotificationChannelView> {
  authorize(ctx, 'alerts:manage');
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError('not_found', 'Notification channel not found');
  const data = updateChannelSchema.parse(input);
  const current = await db.notificationChannel.findUnique({ where: { id: parsed.data }, select: { id: true, type: true } });
  if (!current) throw new AppError('not_found', 'Notification channel not found');
  const type = current.type as ChannelType;
  const own = secretFieldOf[type];
  const wrong = [...secretFields.filter((f) => f !== own && data[f] !== undefined), ...(data.url !== undefined && (type === 'slack' || type === 'teams') ? ['url'] : [])];
  if (wrong.length) throw new AppError('bad_request', 'Invalid input', wrong.map((path) => ({ path, message: `does not apply to a ${type} channel` })));
  const policy = await networkPolicySetting.load();
  if (data.url !== undefined) await assertChannelUrlAllowed(data.url, policy, 'url');
  if (data.webhookUrl !== undefined) await assertChannelUrlAllowed(data.webhookUrl, policy, 'webhookUrl');
  const secret = data[own];
  const sealed = secret !== undefined ? sealSecret(envKeyring(), secret, channelSecretBinding(current.id, type)) : null;
  const fields = { name: data.name, enabled: data.enabled, kinds: data.kinds, minSeverity: data.minSeverity, environments: data.environments, teams: data.teams, url: data.url };
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.notificationChannel.findUniqueOrThrow({ where: { id: current.id }, select: channelViewSelect });
      const row = await tx.notificationChannel.update({
        where: { id: current.id },
        data: { ...fields, ...(sealed ? { secretCiphertext: sealed.ciphertext, keyId: sealed.keyId } : {}) },
        select: channelViewSelect,
      });
      const diff: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== undefined && JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before])) diff[k] = [before[k as keyof typeof before], v];
      if (sealed) diff.secretReplaced = true;
      await writeAudit(tx, ctx, { action: 'notification_channel.update', entity: 'notification_channel', entityId: row.id, diff: { name: row.name, ...diff } });
      return (await toChannelViews(tx, [row]))[0]!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', `A notification channel named "${data.name ?? ''}" already exists`);
    throw e;
  }
}
