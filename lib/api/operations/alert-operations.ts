import { alertSettingsSchema } from '../../validations/alert-settings';
import { listOutboxQuerySchema, sendTestEmailSchema } from '../../validations/outbox';
import { alertSettingsViewSchema, deliveryRunSchema, outboxEmailSchema, outboxPageSchema } from '../../validations/api/alert-schemas';
import { uuidParam } from '../../validations/api/common-schemas';
import { adminsOnly, defineOperation } from '../api-operation';

const tag = 'Alerts';

/** Alert rules and recipients, and the outbox every alert email goes through. */
export const alertOperations = {
  listOutbox: defineOperation({
    operationId: 'listOutbox',
    method: 'get',
    path: '/api/v1/alerts/outbox',
    tag,
    summary: 'Alert emails, newest first, with their delivery state; `q` matches the subject or one whole address',
    scopes: ['read'],
    permission: 'inventory:read',
    query: listOutboxQuerySchema.strict(),
    success: { status: 200, response: outboxPageSchema },
    errors: [400],
  }),
  retryOutbox: defineOperation({
    operationId: 'retryOutboxEmail',
    method: 'post',
    path: '/api/v1/alerts/outbox/{id}/retry',
    tag,
    summary: 'Give a dead email a fresh set of attempts; the worker sends it within a minute (audited)',
    description: `Only a dead email can be retried (409 otherwise). ${adminsOnly}`,
    scopes: [],
    permission: 'alerts:manage',
    params: uuidParam,
    success: { status: 200, response: outboxEmailSchema },
    errors: [404, 409],
  }),
  deliverNow: defineOperation({
    operationId: 'deliverOutboxNow',
    method: 'post',
    path: '/api/v1/alerts/deliver',
    tag,
    summary: "Run one delivery pass now instead of waiting for the worker's next minute",
    description: `Without SMTP settings the pass is \`paused\`, with bad ones \`invalid\`; emails stay pending either way. ${adminsOnly}`,
    scopes: [],
    permission: 'alerts:manage',
    success: { status: 200, response: deliveryRunSchema },
    errors: [],
  }),
  sendTestEmail: defineOperation({
    operationId: 'sendTestEmail',
    method: 'post',
    path: '/api/v1/alerts/test',
    tag,
    summary: 'Queue a test email to one address, through the same outbox and SMTP delivery as every alert (audited)',
    description: adminsOnly,
    scopes: [],
    permission: 'alerts:manage',
    body: sendTestEmailSchema,
    success: { status: 201, response: outboxEmailSchema },
    errors: [400],
  }),
  getSettings: defineOperation({
    operationId: 'getAlertSettings',
    method: 'get',
    path: '/api/v1/alerts/settings',
    tag,
    summary: 'Which alert rules are on, and who gets every alert or a daily digest besides each database owner',
    scopes: ['read'],
    permission: 'inventory:read',
    success: { status: 200, response: alertSettingsViewSchema },
    errors: [],
  }),
  updateSettings: defineOperation({
    operationId: 'updateAlertSettings',
    method: 'put',
    path: '/api/v1/alerts/settings',
    tag,
    summary: 'Replace the alert rules and recipient lists; addresses are lower-cased and deduplicated (audited)',
    description: `Fields left out take their defaults: every rule on, no extra recipients. ${adminsOnly}`,
    scopes: [],
    permission: 'alerts:manage',
    body: alertSettingsSchema,
    success: { status: 200, response: alertSettingsViewSchema },
    errors: [400],
  }),
};
