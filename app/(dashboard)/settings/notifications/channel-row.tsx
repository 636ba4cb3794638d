'use client';

import { useState } from 'react';
import { useDeleteNotificationChannel, useTestNotificationChannel } from '@/lib/hooks/use-notification-channels';
import type { NotificationChannelView } from '@/lib/validations/api/notification-channel-schemas';
import { EditChannelForm } from './edit-channel-form';

const typeLabel = { slack: 'Slack', teams: 'Microsoft Teams', pagerduty: 'PagerDuty', webhook: 'Webhook' } as const;

export function ChannelRow({ channel: c }: { channel: NotificationChannelView }) {
  const test = useTestNotificationChannel();
  const remove = useDeleteNotificationChannel();
  const [editing, setEditing] = useState(false);
  const result = test.data;
  return (
    <>
      <tr>
        <th scope="row">
          {c.name}
          {c.enabled ? null : <span className="badge"> off</span>}
          {c.url ? <div className="muted small">{c.url}</div> : null}
        </th>
        <td>{typeLabel[c.type]}</td>
        <td className="small">
          {c.kinds.join(', ')}; {c.minSeverity} and up
          {c.environments.length ? `; environments ${c.environments.join(', ')}` : ''}
          {c.teams.length ? `; teams ${c.teams.join(', ')}` : ''}
        </td>
        <td className="small">
          {c.deliveries.sent} sent, {c.deliveries.pending} pending, {c.deliveries.dead} dead
          {c.lastDelivery?.error ? <div className="muted">Last: {c.lastDelivery.error}</div> : null}
        </td>
        <td>
          <div className="row-actions">
            <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              Edit
            </button>
            <button type="button" className="btn" onClick={() => test.mutate(c.id)} disabled={test.isPending}>
              {test.isPending ? 'Sending…' : 'Send test'}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete ${c.name} and its deliveries?`)) remove.mutate(c.id);
              }}
            >
              Delete
            </button>
          </div>
          <div role="status" className="small">
            {result ? (result.status === 'sent' ? `Test delivered (HTTP ${result.responseStatus ?? ''})` : `Test not delivered: ${result.lastError ?? result.status}`) : null}
            {test.error ? `Test failed: ${test.error.message}` : null}
          </div>
        </td>
      </tr>
      {editing ? (
        <tr>
          <td colSpan={5}>
            <EditChannelForm channel={c} onDone={() => setEditing(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
