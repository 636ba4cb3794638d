'use client';

import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useCreateNotificationChannel } from '@/lib/hooks/use-notification-channels';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { channelEventKinds, type ChannelEventKind, type ChannelType, type CreateChannelInput } from '@/lib/validations/api/notification-channel-schemas';
import { FormField } from '../../../_components/form-field';
import { FormErrorSummary } from '../../../_components/form-error-summary';
import { ChannelRoutingFields, splitList, type RoutingDraft } from './channel-routing-fields';

const typeOptions: { value: ChannelType; label: string; secretLabel: string; hint: string }[] = [
  { value: 'slack', label: 'Slack', secretLabel: 'Incoming-webhook URL', hint: 'https://hooks.slack.com/services/…; stored encrypted, never shown again' },
  { value: 'teams', label: 'Microsoft Teams', secretLabel: 'Workflows webhook URL', hint: 'From the "Post to a channel when a webhook request is received" workflow; stored encrypted' },
  { value: 'pagerduty', label: 'PagerDuty', secretLabel: 'Routing key', hint: 'The Events API v2 integration key of the service; stored encrypted' },
  { value: 'webhook', label: 'Webhook', secretLabel: 'Signing secret', hint: 'At least 16 characters; the HMAC-SHA256 key of X-Posture-Signature; stored encrypted' },
];
const empty = { type: 'webhook' as ChannelType, name: '', url: '', secret: '', kinds: [...channelEventKinds] as ChannelEventKind[], minSeverity: 'low' as RoutingDraft['minSeverity'], environments: '', teams: '' };

function toInput(v: typeof empty): CreateChannelInput {
  const routing = { name: v.name, kinds: v.kinds, minSeverity: v.minSeverity, environments: splitList(v.environments), teams: splitList(v.teams) };
  if (v.type === 'slack' || v.type === 'teams') return { type: v.type, ...routing, webhookUrl: v.secret };
  if (v.type === 'pagerduty') return { type: 'pagerduty', ...routing, routingKey: v.secret, ...(v.url ? { url: v.url } : {}) };
  return { type: 'webhook', ...routing, url: v.url, signingSecret: v.secret };
}

export function AddChannelForm() {
  const [v, setV] = useState(empty);
  const create = useCreateNotificationChannel();
  const errors = groupFieldErrors(create.error instanceof ApiError ? create.error.details : undefined, ['name', 'url', 'webhookUrl', 'routingKey', 'signingSecret', 'kinds', 'minSeverity', 'environments', 'teams']);
  const type = typeOptions.find((t) => t.value === v.type)!;
  const secretError = errors.byField.webhookUrl ?? errors.byField.routingKey ?? errors.byField.signingSecret;

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(toInput(v), { onSuccess: () => setV(empty) });
  }

  return (
    <section className="card" aria-labelledby="add-channel-heading">
      <h2 id="add-channel-heading" className="card-title">
        Add channel
      </h2>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary error={create.error} rest={errors.rest} />
        <div className="form-grid">
          <FormField label="Type">
            {(p) => (
              <select {...p} name="type" value={v.type} onChange={(e) => setV({ ...v, type: e.target.value as ChannelType, url: '', secret: '' })}>
                {typeOptions.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Name" error={errors.byField.name} hint="e.g. #db-alerts or on-call">
            {(p) => <input {...p} name="name" autoComplete="off" maxLength={80} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
          </FormField>
          {v.type === 'webhook' || v.type === 'pagerduty' ? (
            <FormField
              label={v.type === 'webhook' ? 'URL' : 'Events API URL (optional)'}
              error={errors.byField.url}
              hint={v.type === 'webhook' ? 'https://…; plain http:// only to private addresses the network policy allows' : 'https://events.pagerduty.com/v2/enqueue unless given'}
            >
              {(p) => <input {...p} name="url" type="url" autoComplete="off" value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} />}
            </FormField>
          ) : null}
          <FormField label={type.secretLabel} error={secretError} hint={type.hint}>
            {(p) => <input {...p} name="secret" type="password" autoComplete="off" value={v.secret} onChange={(e) => setV({ ...v, secret: e.target.value })} />}
          </FormField>
          <ChannelRoutingFields value={v} onChange={(r) => setV({ ...v, ...r })} errors={errors.byField} />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add channel'}
          </button>
        </div>
      </form>
    </section>
  );
}
