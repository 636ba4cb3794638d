import Link from 'next/link';
import type { WhatIfPlanStep, WhatIfPlanView } from '@/lib/services/targets/get-what-if-plan';
import { CheckStatusBadge } from '../../../_components/check-status-badge';
import { GradeBadge } from '../../../_components/grade-badge';

function Steps({ steps, start }: { steps: WhatIfPlanStep[]; start: number }) {
  return (
    <ol className="what-if-steps" start={start}>
      {steps.map((s, i) => (
        <li key={s.checkId} className="what-if-step">
          <span className="what-if-n" aria-hidden="true">
            {start + i}.
          </span>
          <span className="what-if-check">
            <Link href={`/checks/${s.checkId}`}>{s.title}</Link>
            <span className="what-if-meta">
              <CheckStatusBadge status={s.status} /> <span className={`sev sev-${s.severity}`}>{s.severity}</span>{' '}
              <span className="mono muted">{s.checkId}</span>
            </span>
          </span>
          <span className="what-if-gain" title="Score points this fix adds">
            +{s.gain.toFixed(1)}
          </span>
          <span className="what-if-after">
            <span className="sr-only">then </span>
            {s.scoreAfter.toFixed(1)} <GradeBadge grade={s.gradeAfter} />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** "… on the 5 checks that ran; 57 could not run": what the plan cannot know, said with it. */
function unknowns(plan: WhatIfPlanView): string {
  const missing = plan.errored + plan.skipped;
  if (missing === 0) return '';
  const parts = [plan.errored ? `${plan.errored} in error` : '', plan.skipped ? `${plan.skipped} skipped` : ''].filter(Boolean).join(', ');
  return ` on the ${plan.ran} ${plan.ran === 1 ? 'check' : 'checks'} that ran; ${missing} could not run (${parts})`;
}

/** "Fix these N to reach A-": the known problems, each next the fix that lifts the grade most, with the grade after each. */
export function WhatIfPanel({ plan }: { plan: WhatIfPlanView }) {
  const { steps, stepsToGoal } = plan;
  const first = steps.slice(0, stepsToGoal);
  const rest = steps.slice(stepsToGoal);
  return (
    <section className="card what-if" aria-labelledby="what-if-heading">
      <h2 id="what-if-heading" className="card-title">
        What to fix first
      </h2>
      {steps.length === 0 ? (
        <p className="muted">
          {plan.grade === null
            ? 'Nothing to plan until the first scan.'
            : plan.errored > 0
              ? `No known problem left, but ${plan.errored} ${plan.errored === 1 ? 'check' : 'checks'} could not run: until they do, the grade cannot promise more.`
              : 'Nothing left to fix: every applicable check passes or has an accepted exception.'}
        </p>
      ) : (
        <>
          <p className="what-if-goal">
            Fix {first.length === 1 ? 'this one' : `these ${first.length}`} to reach <GradeBadge grade={first.at(-1)?.gradeAfter} />
            {unknowns(plan)}
          </p>
          <div className="what-if-cols muted small" aria-hidden="true">
            <span />
            <span>Check</span>
            <span>Gain</span>
            <span>Then</span>
          </div>
          <Steps steps={first} start={1} />
          {rest.length > 0 ? (
            <details className="what-if-more">
              <summary>
                {rest.length} more to reach <GradeBadge grade={rest.at(-1)?.gradeAfter} link={false} />
              </summary>
              <Steps steps={rest} start={first.length + 1} />
            </details>
          ) : null}
          {plan.errored > 0 ? (
            <p className="muted small">Checks in error are not in the plan: until Posture can tell their result, they keep any cap they hold.</p>
          ) : null}
          {plan.acceptedExceptions > 0 ? (
            <p className="muted small">Checks with an accepted exception are left out, as in the grade with exceptions.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
