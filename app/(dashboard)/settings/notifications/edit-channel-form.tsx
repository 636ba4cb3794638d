'use client';

import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useUpdateNotificationChannel } from '@/lib/hooks/use-notification-channels';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import type { NotificationChannelView, UpdateChannelInput } from '@/lib/validations/api/notification-channel-schemas';
import { FormField } from '../../../_components/form-field';
import { FormErrorSummary } from '../../../_components/form-error-summary';
import { ChannelRoutingFields, splitList } from './channel-routing-fields';

const secretOf = { slack: ['webhookUrl', 'New incoming-webhook URL'], teams: ['webhookUrl', 'New Workflows webhook URL'], pagerduty: ['routingKey', 'New routing key'], webhook: ['signingSecret', 'New signing secret'] } as const;

/** Edits a channel in place: routing, name, on/off, URL; a secret is replaced only when a new one is typed. */
export function EditChannelForm({ channel: c, onDone }: { channel: NotificationChannelView; onDone: () => void }) {
  const [v, setV] = useState({
    name: c.name, enabled: c.enabled, url: c.url ?? '', secret: '',
    kinds: c.kinds, minSeverity: c.minSeverity, environments: c.environments.join(', '), teams: c.teams.join(', '),
  });
  const update = useUpdateNotificationChannel();
  const [secretField, secretLabel] = secretOf[c.type];
  const errors = groupFieldErrors(update.error instanceof ApiError ? update.error.details : undefined, ['name', 'enabled', 'url', secretField, 'kinds', 'minSeverity', 'environments', 'teams']);

  function submit(e: FormEvent) {
    e.preventDefault();
    const input: UpdateChannelInput = { name: v.name, enabled: v.enabled, kinds: v.kinds, minSeverity: v.minSeverity, environments: splitList(v.environments), teams: splitList(v.teams) };
    if ((c.type === 'webhook' || c.type === 'pagerduty') && v.url && v.url !== c.url) input.url = v.url;
    if (v.secret) input[secretField] = v.secret;
    update.mutate({ id: c.id, input }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${c.name}`}>
      <FormErrorSummary error={update.error} rest={errors.rest} />
      <div className="form-grid">
        <FormField label="Name" error={errors.byField.name}>
          {(p) => <input {...p} name="name" autoComplete="off" maxLength={80} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
        </FormField>
        {c.type === 'webhook' || c.type === 'pagerduty' ? (
          <FormField label={c.type === 'webhook' ? 'URL' : 'Events API URL'} error={errors.byField.url}>
            {(p) => <input {...p} name="url" type="url" autoComplete="off" value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} />}
          </FormField>
        ) : null}
        <FormField label={secretLabel} error={errors.byField[secretField]} hint="Leave empty to keep the stored one (it is never shown)">
          {(p) => <input {...p} name="secret" type="password" autoComplete="off" value={v.secret} onChange={(e) => setV({ ...v, secret: e.target.value })} />}
        </FormField>
        <ChannelRoutingFields value={v} onChange={(r) => setV({ ...v, ...r })} errors={errors.byField} />
        <label className="token-scope">
          <input type="checkbox" name="enabled" checked={v.enabled} onChange={(e) => setV({ ...v, enabled: e.target.checked })} />
          <span>Enabled</span>
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save channel'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
