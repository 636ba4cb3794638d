import type { FleetOverview } from '@/lib/services/fleet/fleet-overview-view';

const band = (grade: string) => (grade === 'ungraded' ? 'none' : ['a', 'b', 'c', 'd'].includes(grade.charAt(0).toLowerCase()) ? grade.charAt(0).toLowerCase() : 'f');

/** Databases per grade as columns; the letter and the count are text, so the colour never carries the meaning alone. */
export function GradeDistribution({ distribution }: Pick<FleetOverview, 'distribution'>) {
  const max = Math.max(1, ...distribution.map((d) => d.count));
  return (
    <section className="card grade-distribution" aria-labelledby="grade-distribution-heading">
      <h2 id="grade-distribution-heading" className="card-title">
        Grade distribution
      </h2>
      <ol className="grade-columns">
        {distribution.map((d) => (
          <li key={d.grade}>
            <span className="sr-only">
              {d.grade === 'ungraded' ? 'Not graded yet' : `Grade ${d.grade}`}: {d.count}
            </span>
            <span className={`grade-column-count${d.count === 0 ? ' muted' : ''}`} aria-hidden="true">
              {d.count}
            </span>
            <span className="grade-column-track" aria-hidden="true">
              <span className={`grade-column-bar grade-${band(d.grade)}`} style={{ height: `${d.count === 0 ? 0 : Math.max(4, (d.count / max) * 100)}%` }} />
            </span>
            <span className="grade-column-letter" aria-hidden="true" title={d.grade === 'ungraded' ? 'Not graded yet' : undefined}>
              {d.grade === 'ungraded' ? '—' : d.grade}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
