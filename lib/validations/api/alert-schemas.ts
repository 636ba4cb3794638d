import { z } from 'zod';
import { alertRuleIds, type AlertRuleId } from '../alert-settings';
import { isoDateTime } from './common-schemas';

const outboxStatus = z.enum(['pending', 'sent', 'dead']);

/** One alert email as it was queued and sent; no secret ever goes into one. */
export const outboxEmailSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().meta({ description: 'what raised it, e.g. cert.expiry, grade.drop, digest, test' }),
    targetId: z.uuid().nullable(),
    targetName: z.string().nullable(),
    severity: z.string().nullable(),
    subject: z.string(),
    recipients: z.array(z.string()).meta({ description: 'addressed (To): the owner, or the security list when the database has no owner address' }),
    cc: z.array(z.string()).meta({ description: 'copied (Cc): the security list when the owner is addressed' }),
    text: z.string().meta({ description: 'the plain-text body as sent' }),
    status: outboxStatus,
    waitingForDigest: z.boolean().meta({ description: "pending until the recipient's daily digest" }),
    digestedIntoId: z.uuid().nullable().meta({ description: 'sent as part of this digest email' }),
    attempts: z.int().min(0),
    nextAttemptAt: isoDateTime.nullable(),
    lastError: z.string().nullable().meta({ description: "the SMTP server's last refusal, credentials redacted" }),
    messageId: z.string().nullable(),
    sentAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'OutboxEmail' });

export const outboxPageSchema = z
  .object({
    items: z.array(outboxEmailSchema),
    total: z.int().min(0),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    status: z.enum(['pending', 'sent', 'dead', 'all']),
    counts: z
      .object({ pending: z.int().min(0), sent: z.int().min(0), dead: z.int().min(0), all: z.int().min(0) })
      .meta({ description: 'per status under the same kind, target and search filters' }),
    kinds: z.array(z.string()).meta({ description: 'every kind in the outbox, for filtering' }),
  })
  .meta({ id: 'OutboxPage' });

export const deliveryRunSchema = z
  .object({
    status: z.enum(['ran', 'paused', 'invalid']).meta({ description: 'paused: no SMTP configured; invalid: the SMTP variables are wrong (emails stay pending)' }),
    problems: z.array(z.string()).optional().meta({ description: 'each bad SMTP variable and what is wrong with it, never its value' }),
    claimed: z.int().min(0),
    sent: z.int().min(0),
    retrying: z.int().min(0),
    dead: z.int().min(0),
    channels: z
      .object({ claimed: z.int().min(0), sent: z.int().min(0), retrying: z.int().min(0), dead: z.int().min(0) })
      .optional()
      .meta({ description: 'the notification channels\' part of the pass (Slack, Teams, PagerDuty, webhooks); it runs without SMTP too' }),
  })
  .meta({ id: 'DeliveryRun' });

export const alertSettingsViewSchema = z
  .object({
    rules: z.object(Object.fromEntries(alertRuleIds.map((id) => [id, z.boolean()])) as Record<AlertRuleId, z.ZodBoolean>),
    securityRecipients: z.array(z.email()).meta({ description: 'get every alert of every database, besides its owner' }),
    digestRecipients: z.array(z.email()).meta({ description: 'get one daily digest instead of single emails' }),
    teamAddresses: z
      .array(z.object({ team: z.string(), email: z.email() }))
      .meta({ description: "a team's address, used for a database whose ownerTeam is that team (matched case-insensitively) and that has no ownerEmail" }),
  })
  .meta({ id: 'AlertSettings' });

