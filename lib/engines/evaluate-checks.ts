import type { CheckDefinition, CheckResult, CheckVerdict } from '../checks/check-definition';
import type { Observations } from '../probes/observations/observations';
import { checksFor } from './engine-registry';
import { renderRemediation } from '../checks/render-remediation';

function safeEvaluate(check: CheckDefinition, obs: Observations): CheckVerdict {
  try {
    return check.evaluate(obs);
  } catch (e) {
    // An unexpected observation shape must cost this check, not the whole scan.
    const message = e instanceof Error ? e.message : String(e);
    return { status: 'error', summary: `check failed to evaluate: ${message}`, evidence: { exception: message } };
  }
}

/** Runs the checks that apply to the target's engine (or the ones given), in catalog order. */
export function evaluateChecks(obs: Observations, checks: readonly CheckDefinition[] = checksFor(obs.target.engine)): CheckResult[] {
  return checks.map((check) => {
    const verdict = safeEvaluate(check, obs);
    const result: CheckResult = {
      id: check.id,
      title: check.title,
      area: check.area,
      severity: check.severity,
      status: verdict.status,
      summary: verdict.summary,
      evidence: verdict.evidence,
      remediation: renderRemediation(check.remediation, obs.target),
      compliance: check.compliance,
    };
    if (verdict.cap) result.cap = verdict.cap;
    return result;
  });
}
