import { z } from 'zod';
import { isoDateTime } from './common-schemas';

export const channelTypes = ['slack', 'teams', 'pagerduty', 'webhook'] as const;
export type ChannelType = (typeof channelTypes)[number];

/** What a channel can be sent; each alert rule maps to one of these (see channel-event-kind). */
export const channelEventKinds = ['cert.expiry', 'password.due', 'check.failing', 'check.resolved', 'grade.drop'] as const;
export type ChannelEventKind = (typeof channelEventKinds)[number];

export const channelSeverities = ['critical', 'high', 'medium', 'low'] as const;
export type ChannelSeverity = (typeof channelSeverities)[number];

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

// Length first, so a 64 KiB value is refused before any URL parsing.
const httpUrl = z
  .string()
  .trim()
  .max(2048, 'at most 2048 characters')
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }))
  .refine((u) => URL.canParse(u) && !new URL(u).username && !new URL(u).password, 'must not carry a user name or password')
  .refine((u) => URL.canParse(u) && !new URL(u).hash, 'must not carry a #fragment');

const name = z.string().trim().min(1, 'is required').max(80).regex(/^[\w .:@/()#-]+$/, 'may use letters, digits, spaces and . _ : @ / ( ) # -');
const label = z.string().trim().min(1).max(64).regex(/^[\w.:/-]+$/, 'may use letters, digits and . _ : / -');

export const channelRoutingSchema = z
  .object({
    kinds: z
      .array(z.enum(channelEventKinds))
      .min(1, 'choose at least one kind of alert')
      .max(channelEventKinds.length)
      .transform((k) => [...new Set(k)])
      .meta({ description: 'which alerts the channel gets' }),
    minSeverity: z.enum(channelSeverities).meta({ description: 'the lowest severity it gets' }),
    environments: z
      .array(label)
      .max(50)
      .transform((l) => [...new Set(l)])
      .meta({ description: "only databases in these environments; empty: every environment" }),
    teams: z
      .array(label)
      .max(100)
      .transform((l) => [...new Set(l)])
      .meta({ description: "only databases whose ownerTeam is one of these (owner-team routing); empty: every team" }),
  })
  .strict();

const routingDefaults = { kinds: [...channelEventKinds], minSeverity: 'low' as const, environments: [], teams: [] };
const routingFields = {
  kinds: channelRoutingSchema.shape.kinds.optional(),
  minSeverity: channelRoutingSchema.shape.minSeverity.optional(),
  environments: channelRoutingSchema.shape.environments.optional(),
  teams: channelRoutingSchema.shape.teams.optional(),
};
export const defaultChannelRouting = routingDefaults;

const common = { name, enabled: z.boolean().optional(), ...routingFields };
const webhookUrl = httpUrl.meta({ description: 'the incoming-webhook URL; a secret: sealed at rest and never returned' });
const routingKey = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the integration (routing) key: letters, digits, _ and -')
  .meta({ description: "the Events API v2 integration key; a secret: sealed at rest and never returned" });
const signingSecret = z
  .string()
  .min(16, 'at least 16 characters')
  .max(256, 'at most 256 characters')
  .meta({ description: 'the HMAC-SHA256 key of X-Posture-Signature; a secret: sealed at rest and never returned' });

export const createChannelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('slack'), ...common, webhookUrl }).strict(),
  z.object({ type: z.literal('teams'), ...common, webhookUrl }).strict(),
  z
    .object({ type: z.literal('pagerduty'), ...common, routingKey, url: httpUrl.optional().meta({ description: `the Events API v2 endpoint; ${PAGERDUTY_EVENTS_URL} unless given` }) })
    .strict(),
  z.object({ type: z.literal('webhook'), ...common, url: httpUrl.meta({ description: 'where the signed JSON goes' }), signingSecret }).strict(),
]);
export type CreateChannelInput = z.input<typeof createChannelSchema>;
export type CreateChannel = z.output<typeof createChannelSchema>;

/** Every field optional; a secret left out keeps the stored one. The type never changes. */
export const updateChannelSchema = z
  .object({
    name: name.optional(),
    enabled: z.boolean().optional(),
    ...routingFields,
    url: httpUrl.optional().meta({ description: 'pagerduty and webhook only' }),
    webhookUrl: webhookUrl.optional().meta({ description: 'slack and teams only; replaces the stored one' }),
    routingKey: routingKey.optional().meta({ description: 'pagerduty only; replaces the stored one' }),
    signingSecret: signingSecret.optional().meta({ description: 'webhook only; replaces the stored one' }),
  })
  .strict();
export type UpdateChannelInput = z.input<typeof updateChannelSchema>;

export const channelDeliveryCountsSchema = z
  .object({ pending: z.int().min(0), sent: z.int().min(0), dead: z.int().min(0) })
  .meta({ id: 'ChannelDeliveryCounts' });

export const notificationChannelSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(channelTypes),
    enabled: z.boolean(),
    url: z.string().nullable().meta({ description: 'the PagerDuty endpoint or webhook URL; null for Slack and Teams, whose URL is a secret' }),
    secret: z.literal('set').meta({ description: "the channel's secret (Slack/Teams URL, routing key or HMAC secret) is stored; it is never returned" }),
    kinds: z.array(z.enum(channelEventKinds)),
    minSeverity: z.enum(channelSeverities),
    environments: z.array(z.string()),
    teams: z.array(z.string()),
    deliveries: channelDeliveryCountsSchema,
    lastDelivery: z
      .object({ status: z.enum(['pending', 'sent', 'dead']), at: isoDateTime, error: z.string().nullable(), responseStatus: z.int().nullable() })
      .nullable()
      .meta({ description: 'the newest delivery to this channel' }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'NotificationChannel' });
export type NotificationChannelView = z.output<typeof notificationChannelSchema>;

export const notificationChannelListSchema = z.object({ items: z.array(notificationChannelSchema) }).meta({ id: 'NotificationChannelList' });

export const channelDeliverySchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid(),
    event: z.enum(['trigger', 'resolve', 'test']),
    kind: z.string(),
    subject: z.string(),
    status: z.enum(['pending', 'sent', 'dead']),
    attempts: z.int().min(0),
    nextAttemptAt: isoDateTime.nullable(),
    lastError: z.string().nullable(),
    responseStatus: z.int().nullable().meta({ description: "the receiver's HTTP status on the last attempt" }),
    sentAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'ChannelDelivery' });
export type ChannelDeliveryView = z.output<typeof channelDeliverySchema>;
