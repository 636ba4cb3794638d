'use client';

import type { CheckStatus } from '@/lib/checks/check-definition';
import { useTargetChecks } from '@/lib/hooks/use-target-checks';
import type { TargetCheckView } from '@/lib/services/checks/list-target-checks';
import type { ReactNode } from 'react';
import type { WhatIfPlanView } from '@/lib/services/targets/get-what-if-plan';
import type { TargetView } from '@/lib/services/targets/target-view';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { CheckStatusBadge } from '../../../_components/check-status-badge';
import { EmptyState } from '../../../_components/empty-state';
import { GradeBadge } from '../../../_components/grade-badge';
import { GradeCapNote } from '../../../_components/grade-cap-note';
import { bucketChecks, groupChecksByArea } from './check-areas';
import { CheckRow } from './check-row';

const statusOrder: CheckStatus[] = ['fail', 'warn', 'error', 'pass', 'skip'];

function StatusCounts({ checks }: { checks: TargetCheckView[] }) {
  const counts = statusOrder.map((s) => ({ status: s, n: checks.filter((c) => c.status === s).length })).filter((c) => c.n > 0);
  return (
    <ul className="status-counts" aria-label="Checks by status">
      {counts.map(({ status, n }) => (
        <li key={status}>
          <CheckStatusBadge status={status} /> <span className="status-count">{n}</span>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  target: TargetView;
  /** the grade and score with and without accepted exceptions */
  plan: Pick<WhatIfPlanView, 'scoreWithExceptions' | 'gradeWithExceptions' | 'acceptedExceptions'>;
  initialChecks: TargetCheckView[];
  canScan: boolean;
  scanIntervalMinutes: number;
  /** rendered between the summary and the checks (what to fix first, history) */
  insights?: ReactNode;
}

export function PostureSection({ target: t, plan, initialChecks, canScan, scanIntervalMinutes, insights }: Props) {
  const { data: checks = [], error } = useTargetChecks(t.id, initialChecks);
  const buckets = bucketChecks(checks);

  return (
    <section className="card posture" aria-labelledby="posture-heading">
      <div className="posture-head">
        <h2 id="posture-heading" className="card-title">
          Posture
        </h2>
        <div className="posture-summary">
          <GradeBadge grade={t.grade} size="large" caps={t.caps} scoreGrade={t.scoreGrade} />
          <dl className="posture-stats">
            <div>
              <dt>Score</dt>
              <dd>{t.score === null ? <span className="muted">—</span> : <><strong>{t.score.toFixed(1)}</strong> <span className="muted">/ 100</span></>}</dd>
            </div>
            {plan.acceptedExceptions > 0 ? (
              <div>
                <dt>With exceptions</dt>
                <dd className="posture-excepted">
                  <GradeBadge grade={plan.gradeWithExceptions} caps={t.capsWithExceptions} scoreGrade={t.scoreGradeWithExceptions} />{' '}
                  {plan.scoreWithExceptions === null ? <span className="muted">—</span> : <strong>{plan.scoreWithExceptions.toFixed(1)}</strong>}{' '}
                  <span className="muted">
                    {plan.acceptedExceptions} accepted {plan.acceptedExceptions === 1 ? 'exception' : 'exceptions'}
                  </span>
                </dd>
              </div>
            ) : null}
            <div>
              <dt>Last scan</dt>
              <dd>{t.lastScanAt ? <time dateTime={t.lastScanAt}>{formatDateTime(t.lastScanAt)}</time> : <span className="muted">never</span>}</dd>
            </div>
          </dl>
          {checks.length > 0 ? <StatusCounts checks={checks} /> : null}
        </div>
      </div>
      <GradeCapNote
        caps={t.caps}
        scoreGrade={t.scoreGrade}
        score={t.score}
        withExceptions={plan.acceptedExceptions > 0 ? { caps: t.capsWithExceptions, grade: t.gradeWithExceptions } : null}
      />

      {error ? (
        <p className="alert alert-error" role="alert">
          Could not load the checks: {error.message}
        </p>
      ) : null}

      {checks.length > 0 ? insights : null}

      {checks.length === 0 ? (
        <EmptyState
          title={
            t.archivedAt
              ? 'Not scanned yet — archived databases are not scanned; unarchive this one to scan it.'
              : `Not scanned yet — ${canScan ? 'press Scan now, or ' : ''}wait for the next scheduled scan (every ${scanIntervalMinutes} minutes).`
          }
        />
      ) : (
        buckets.map((b) => {
          const body = groupChecksByArea(b.checks).map((g) => (
            <section key={g.area} className="check-area" aria-labelledby={`area-${b.id}-${g.area}`}>
              <h4 id={`area-${b.id}-${g.area}`} className="check-area-title">
                {g.label}
              </h4>
              <ul className="check-list">
                {g.checks.map((c) => (
                  <CheckRow key={c.id} check={c} />
                ))}
              </ul>
            </section>
          ));
          return (
            <details key={b.id} className={`check-bucket check-bucket-${b.id}`} open={b.id === 'attention'}>
              <summary>
                <h3 className="check-bucket-title">
                  {b.label} <span className="muted">({b.checks.length})</span>
                </h3>
              </summary>
              {body}
            </details>
          );
        })
      )}
    </section>
  );
}
