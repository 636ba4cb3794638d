'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import type { FindingView } from '@/lib/services/findings/finding-view';
import { formatDate } from '@/lib/ui/format-date';
import { AcceptRiskForm } from '../../_components/accept-risk-form';
import { CheckStatusBadge } from '../../_components/check-status-badge';

interface Props {
  finding: FindingView;
  /** "3 h ago", worked out on the server so the client never renders a different text */
  since: { text: string; title: string };
  canAccept: boolean;
  columns: number;
  /** the row's checkbox for bulk actions; null when the role can take none */
  selection: { checked: boolean; disabled: boolean; onChange: (on: boolean) => void } | null;
}

/** One finding; editors can open an Accept risk form in a row of its own below it (the exception column holds the button). */
export function FindingRow({ finding: f, since, canAccept, columns, selection }: Props) {
  const [accepting, setAccepting] = useState(false);
  const hydrated = useHydrated();
  const formId = `accept-${f.targetId}-${f.checkId}`;
  return (
    <>
      <tr className={selection?.checked ? 'row-selected' : undefined}>
        {selection ? (
          <td className="cell-select">
            <input
              type="checkbox"
              aria-label={`Select ${f.checkTitle} on ${f.targetName}`}
              checked={selection.checked}
              disabled={selection.disabled}
              onChange={(e) => selection.onChange(e.target.checked)}
            />
          </td>
        ) : null}
        <td className="cell-name">
          <Link href={`/databases/${f.targetId}`} className="truncate" title={f.targetName}>
            {f.targetName}
          </Link>
          <span className="cell-sub">
            {f.environment}
            {f.ownerTeam ? ` · ${f.ownerTeam}` : ''}
          </span>
        </td>
        <td className="cell-check">
          <Link href={`/checks/${encodeURIComponent(f.checkId)}`}>{f.checkTitle}</Link>
          <span className="cell-sub mono">{f.checkId}</span>
        </td>
        <td>
          <span className={`sev sev-${f.severity}`}>{f.severity}</span>
        </td>
        <td>
          <CheckStatusBadge status={f.status} />
        </td>
        <td className="cell-summary">{f.summary || <span className="muted">—</span>}</td>
        <td className="nowrap">
          <time dateTime={f.changedAt} title={since.title}>
            {since.text}
          </time>
        </td>
        <td className="nowrap">
          {f.exception ? (
            <span className="badge badge-accepted">Accepted until {formatDate(f.exception.expiresAt)}</span>
          ) : canAccept ? (
            <button type="button" className="btn btn-small" disabled={!hydrated} aria-expanded={accepting} aria-controls={accepting ? formId : undefined} onClick={() => setAccepting((a) => !a)}>
              {accepting ? 'Close' : 'Accept risk…'}
            </button>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
      </tr>
      {accepting && !f.exception ? (
        <tr className="row-expansion" id={formId}>
          <td colSpan={columns}>
            <div className="row-expansion-body">
              <p className="small">
                Accept the risk of <strong>{f.checkTitle}</strong> on <strong>{f.targetName}</strong>
              </p>
              <AcceptRiskForm targetId={f.targetId} checkId={f.checkId} onAccepted={() => setAccepting(false)} onCancel={() => setAccepting(false)} />
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
