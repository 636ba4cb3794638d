import type { SecretBinding } from '../../crypto/envelope';
import type { ChannelType } from '../../validations/api/notification-channel-schemas';

/** Which input field holds each type's one secret. */
export const secretFieldOf = { slack: 'webhookUrl', teams: 'webhookUrl', pagerduty: 'routingKey', webhook: 'signingSecret' } as const satisfies Record<ChannelType, string>;

/** The AAD of a channel's secret: it opens only for this row, this field and this type. */
export function channelSecretBinding(channelId: string, type: ChannelType): SecretBinding {
  return { kind: 'notification-channel', rowId: channelId, field: secretFieldOf[type], context: type };
}
