'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { roleAllows } from '@/lib/access/permissions';
import type { TargetCheckView } from '@/lib/services/checks/list-target-checks';
import { formatDate } from '@/lib/ui/format-date';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { AcceptRiskForm } from '../../../_components/accept-risk-form';
import { CheckStatusBadge } from '../../../_components/check-status-badge';
import { CopyButton } from '../../../_components/copy-button';
import { useCurrentRole } from '../../../_components/current-role';
import { EvidenceList } from './evidence-list';

const nonPassing = new Set(['fail', 'warn', 'error']);

/**
 * One check: status, severity, title and the observed values; the why, evidence and fix fold out below.
 * A non-passing check can have its risk accepted there (editors and admins); an accepted one says until when.
 */
export function CheckRow({ check: c, targetId }: { check: TargetCheckView; targetId?: string }) {
  const params = useParams<{ id?: string }>();
  const role = useCurrentRole();
  const target = targetId ?? params.id;
  const canAccept = role !== null && roleAllows(role, 'exceptions:write') && target !== undefined;
  // The summary line is shown above; repeating it in the evidence list adds nothing.
  const evidence = Object.fromEntries(Object.entries(c.evidence).filter(([key]) => key !== 'summary'));
  return (
    <li className={`check check-${c.status}`}>
      <details>
        <summary className="check-head">
          <span className="check-badges">
            <CheckStatusBadge status={c.status} />
            <span className={`sev sev-${c.severity}`}>{c.severity}</span>
          </span>
          <span className="check-text">
            <span className="check-title">{c.title}</span>
            {c.summary ? <span className="check-observed">{c.summary}</span> : null}
            {c.exception ? (
              <span className="check-accepted">
                <span className="badge badge-accepted">Accepted until {formatDate(c.exception.expiresAt)}</span>
              </span>
            ) : null}
          </span>
          <span className="check-id mono">{c.id}</span>
        </summary>
        <div className="check-body">
          {c.why ? (
            <div className="check-part">
              <h4>Why it matters</h4>
              <p>{c.why}</p>
            </div>
          ) : null}
          <div className="check-part">
            <h4>Evidence</h4>
            <EvidenceList evidence={evidence} />
          </div>
          {c.remediation ? (
            <div className="check-part">
              <div className="check-part-head">
                <h4>Remediation</h4>
                <CopyButton text={c.remediation} />
              </div>
              <pre className="remediation">
                <code>{c.remediation}</code>
              </pre>
            </div>
          ) : null}
          {c.compliance.length > 0 ? (
            <div className="check-part">
              <h4>Compliance</h4>
              <ul className="compliance-tags" aria-label="Compliance controls">
                {c.compliance.map((ref) => (
                  <li key={`${ref.framework}:${ref.control}`} className="tag compliance-tag">
                    {ref.framework} {ref.control}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {c.exception ? (
            <div className="check-part">
              <h4>Risk accepted</h4>
              <p>
                Accepted until {formatDate(c.exception.expiresAt)}: {c.exception.reason}
              </p>
              <p className="muted small">
                Left out of the score with exceptions until then. <Link href="/exceptions">Manage exceptions</Link>
              </p>
            </div>
          ) : canAccept && nonPassing.has(c.status) ? (
            <div className="check-part">
              <h4>Accept the risk</h4>
              <p className="muted small">Cannot fix it yet? Accept the risk for a while: the score with exceptions leaves this check out until then.</p>
              <AcceptRiskForm targetId={target} checkId={c.id} />
            </div>
          ) : null}
          <p className="check-times muted small">
            First seen {formatDateTime(c.firstSeenAt)} · status since {formatDateTime(c.changedAt)} · last seen {formatDateTime(c.lastSeenAt)}
          </p>
        </div>
      </details>
    </li>
  );
}
