import Link from 'next/link';
import type { FleetPosture } from '@/lib/services/fleet/fleet-overview-view';
import { fleetCapRules } from '@/lib/grading/grading-policy';

const rules = new Map(fleetCapRules.map((r) => [r.id, r]));

/** Why the fleet grade is lower than its weighted mean: each fleet rule, and the databases behind it. */
export function FleetCapNote({ now }: { now: Pick<FleetPosture, 'caps' | 'scoreGrade' | 'score'> }) {
  const [first, ...rest] = now.caps;
  if (!first) return null;
  return (
    <section className="alert alert-warn small cap-banner" aria-labelledby="fleet-cap-heading">
      <div>
        <strong id="fleet-cap-heading">
          Fleet grade capped at {first.maxGrade}: {rules.get(first.rule)?.label} ({first.databases})
        </strong>
        ; the weighted mean alone gives {now.scoreGrade ?? '—'}
        {now.score === null ? '' : ` (${now.score.toFixed(1)})`}.
        {rest.length ? ` Also ${rest.map((c) => `at most ${c.maxGrade}: ${rules.get(c.rule)?.label} (${c.databases})`).join('; ')}.` : ''}
        <ul aria-label="Databases behind it">
          {first.examples.map((t) => (
            <li key={t.id}>
              <Link href={`/databases/${t.id}`}>{t.name}</Link> <span className={`crit crit-${t.criticality}`}>{t.criticality}</span>
            </li>
          ))}
          {first.databases > first.examples.length ? <li className="muted">and {first.databases - first.examples.length} more</li> : null}
        </ul>
      </div>
      <Link href="/grading">How the fleet grade is capped</Link>
    </section>
  );
}
