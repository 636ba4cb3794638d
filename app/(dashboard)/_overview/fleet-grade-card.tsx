import type { FleetOverview } from '@/lib/services/fleet/fleet-overview-view';
import { GradeBadge } from '../../_components/grade-badge';

/** The fleet's grade and score (criticality-weighted), and the same with accepted exceptions left out. */
export function FleetGradeCard({ now, inventory }: Pick<FleetOverview, 'now' | 'inventory'>) {
  return (
    <section className="card fleet-grade" aria-labelledby="fleet-grade-heading">
      <h2 id="fleet-grade-heading" className="card-title">
        Fleet grade
      </h2>
      <div className="fleet-grade-main">
        <GradeBadge grade={now.grade} size="large" />
        {now.caps.length > 0 ? <span className="grade-cap-tag">capped</span> : null}
        <div>
          {now.score === null ? (
            <p className="fleet-score-none">Not graded yet</p>
          ) : (
            <p className="fleet-score">
              <strong>{now.score.toFixed(1)}</strong> <span className="muted">/ 100</span>
            </p>
          )}
          <p className="muted small">
            {inventory.graded} of {inventory.active} active {inventory.active === 1 ? 'database' : 'databases'} graded, weighted by criticality
          </p>
        </div>
      </div>
      <dl className="fleet-grade-meta">
        <div>
          <dt>With accepted exceptions</dt>
          <dd>
            <GradeBadge grade={now.gradeWithExceptions} />{' '}
            {now.scoreWithExceptions === null ? <span className="muted">—</span> : <strong>{now.scoreWithExceptions.toFixed(1)}</strong>}
          </dd>
        </div>
        {inventory.archived > 0 ? (
          <div>
            <dt>Archived</dt>
            <dd>{inventory.archived} (not scanned, not graded)</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
