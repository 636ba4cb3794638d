import { z } from 'zod';
import { channelEventKinds, channelSeverities } from './notification-channel-schemas';

/**
 * The webhook body, version 1: also the channel-neutral document every Slack, Teams and PagerDuty message is
 * rendered from. Fields are only ever added within a version; a breaking change gets schemaVersion 2.
 */
export const webhookEventSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.uuid().meta({ description: 'the delivery id, also sent as X-Posture-Delivery: the same on every retry, so a receiver can drop duplicates' }),
    event: z.enum([...channelEventKinds, 'test']).meta({ description: 'what happened; check.resolved answers an earlier event with the same dedupeKey' }),
    dedupeKey: z.string().meta({ description: "the alert's key: a trigger and its resolve share it (PagerDuty's dedup_key)" }),
    occurredAt: z.iso.datetime().meta({ description: 'when the scan saw it' }),
    sentAt: z.iso.datetime().meta({ description: 'when this attempt was sent; equals X-Posture-Timestamp, so the signature covers it' }),
    severity: z.enum(channelSeverities),
    summary: z.string().meta({ description: 'one line, e.g. "auth-db: TLS certificate expires in 7 days"' }),
    database: z
      .object({
        id: z.uuid(),
        name: z.string(),
        engine: z.string().nullable(),
        host: z.string().nullable(),
        port: z.int().nullable(),
        environment: z.string().nullable(),
        ownerTeam: z.string().nullable(),
      })
      .nullable(),
    check: z
      .object({
        id: z.string(),
        title: z.string(),
        status: z.string().meta({ description: 'pass, warn, fail, error or skip as of this scan' }),
        summary: z.string().meta({ description: 'the evidence summary' }),
        remediation: z.string().nullable(),
      })
      .nullable(),
    facts: z.record(z.string(), z.union([z.string(), z.number()])).meta({ description: 'observed values, label → value' }),
    link: z.string().nullable().meta({ description: "the database's page in Posture" }),
  })
  .meta({ id: 'WebhookEventV1', description: 'The JSON body Posture POSTs to a webhook channel. Headers: X-Posture-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>, X-Posture-Timestamp (Unix seconds), X-Posture-Event, X-Posture-Delivery.' });

export type WebhookEvent = z.output<typeof webhookEventSchema>;
/** What the outbox stores: everything but the per-attempt timestamp. */
export type StoredChannelEvent = Omit<WebhookEvent, 'sentAt'>;
export const storedChannelEventSchema = webhookEventSchema.omit({ sentAt: true });
