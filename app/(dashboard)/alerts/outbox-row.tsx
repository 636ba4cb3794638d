'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import type { OutboxView } from '@/lib/services/alerts/outbox-view';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { RetryOutboxButton } from './retry-outbox-button';

function StatusCell({ e }: { e: OutboxView }) {
  if (e.status === 'sent') return <span className="badge badge-ok">{e.digestedIntoId ? 'In a digest' : 'Sent'}</span>;
  if (e.status === 'dead') return <span className="badge badge-danger">Dead</span>;
  return <span className="badge badge-muted">{e.waitingForDigest ? 'Waiting for digest' : e.attempts > 0 ? 'Retrying' : 'Pending'}</span>;
}

function WhenCell({ e }: { e: OutboxView }) {
  if (e.status === 'sent') return <>{e.digestedIntoId ? 'grouped' : 'sent'} <time dateTime={e.sentAt ?? undefined}>{formatDateTime(e.sentAt)}</time></>;
  if (e.waitingForDigest) return <>with the next daily digest</>;
  if (e.status === 'pending') return <>next try {formatDateTime(e.nextAttemptAt)}</>;
  return <>gave up</>;
}

/** One email; its text body opens in a row of its own below it. */
export function OutboxRow({ email: e, canRetry, columns }: { email: OutboxView; canRetry: boolean; columns: number }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const bodyId = `outbox-body-${e.id}`;
  return (
    <>
      <tr data-outbox-id={e.id}>
        <td className="cell-email">
          <span className="outbox-subject">{e.subject}</span>
          <span className="cell-sub">
            <span className="mono">{e.kind}</span>
            {e.targetId && e.targetName ? (
              <>
                {' · '}
                <Link href={`/databases/${e.targetId}`}>{e.targetName}</Link>
              </>
            ) : null}
          </span>
        </td>
        <td className="cell-recipients">
          {e.recipients.map((r) => (
            <span key={r} className="truncate" title={r}>
              {r}
            </span>
          ))}
          {e.cc.map((r) => (
            <span key={`cc:${r}`} className="truncate muted" title={`copy to ${r}`}>
              cc {r}
            </span>
          ))}
        </td>
        <td className="cell-status">
          <StatusCell e={e} />
          {e.lastError && e.status !== 'sent' ? (
            <span className="cell-sub outbox-error" title={e.lastError}>
              {e.lastError}
            </span>
          ) : null}
        </td>
        <td className="nowrap">
          <span className="outbox-when">
            <WhenCell e={e} />
          </span>
          <span className="cell-sub">
            created <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
          </span>
        </td>
        <td className="num">{e.attempts}</td>
        <td className="nowrap">
          <div className="actions actions-nowrap">
            <button type="button" className="btn btn-small btn-ghost" disabled={!hydrated} aria-expanded={open} aria-controls={open ? bodyId : undefined} onClick={() => setOpen((o) => !o)}>
              {open ? 'Hide' : 'Show'}
              <span className="sr-only"> the text of {e.subject}</span>
            </button>
            {canRetry && e.status === 'dead' ? <RetryOutboxButton id={e.id} /> : null}
          </div>
        </td>
      </tr>
      {open ? (
        <tr className="row-expansion" id={bodyId}>
          <td colSpan={columns}>
            <div className="row-expansion-body outbox-body">
              {e.messageId ? <p className="small muted">Message-ID {e.messageId}</p> : null}
              <pre className="outbox-text">{e.text}</pre>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
