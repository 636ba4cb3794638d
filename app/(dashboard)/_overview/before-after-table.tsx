import type { FleetOverview, FleetPosture } from '@/lib/services/fleet/fleet-overview-view';
import { gradeRank, isGrade } from '@/lib/grading/grade-bands';
import { GradeBadge } from '../../_components/grade-badge';

const rows = [
  ['critical', 'Critical issues'],
  ['high', 'High-risk issues'],
  ['medium', 'Medium-risk issues'],
] as const;

function gradeChange(before: FleetPosture['grade'], now: FleetPosture['grade']): { text: string; tone: string } {
  if (!isGrade(before) || !isGrade(now)) return { text: '—', tone: '' };
  const steps = gradeRank(now) - gradeRank(before);
  if (steps === 0) return { text: 'same', tone: '' };
  return steps > 0 ? { text: `${steps} ${steps === 1 ? 'step' : 'steps'} up`, tone: 'change-better' } : { text: `${-steps} ${steps === -1 ? 'step' : 'steps'} down`, tone: 'change-worse' };
}

function countChange(before: number, now: number): { text: string; tone: string } {
  const d = now - before;
  if (d === 0) return { text: '±0', tone: '' };
  return d < 0 ? { text: `−${-d}`, tone: 'change-better' } : { text: `+${d}`, tone: 'change-worse' };
}

/** The before/after table of a security review: grade and failing checks now against about 30 days ago. */
export function BeforeAfterTable({ now, before }: Pick<FleetOverview, 'now' | 'before'>) {
  const grade = before ? gradeChange(before.grade, now.grade) : null;
  return (
    <section className="card before-after" aria-labelledby="before-after-heading">
      <h2 id="before-after-heading" className="card-title">
        30 days ago → now
      </h2>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Metric</span>
            </th>
            <th scope="col">{before ? <time dateTime={before.day}>{before.day}</time> : '30 days ago'}</th>
            <th scope="col">Now</th>
            {before ? <th scope="col">Change</th> : null}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Overall grade</th>
            <td>{before ? <GradeBadge grade={before.grade} /> : <span className="muted">—</span>}</td>
            <td>
              <GradeBadge grade={now.grade} />
            </td>
            {grade ? <td className={grade.tone}>{grade.text}</td> : null}
          </tr>
          {rows.map(([key, label]) => {
            const change = before ? countChange(before.failing[key], now.failing[key]) : null;
            return (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td className="num">{before ? before.failing[key] : <span className="muted">—</span>}</td>
                <td className="num">{now.failing[key]}</td>
                {change ? <td className={`num ${change.tone}`}>{change.text}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {before ? null : <p className="muted small compare-note">No data 30 days ago yet: the fleet roll-up keeps one snapshot a day.</p>}
    </section>
  );
}
