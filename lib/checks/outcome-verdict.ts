import type { ProbeOutcome } from '../probes/observations';
import type { CheckVerdict } from './check-definition';

/** A skipped probe makes the check skip, a failed probe makes it error; only observed data is judged. */
export function outcomeVerdict<T>(outcome: ProbeOutcome<T>, judge: (data: T) => CheckVerdict): CheckVerdict {
  if (outcome.status === 'skipped') return { status: 'skip', summary: outcome.reason, evidence: { probe: 'skipped', reason: outcome.reason } };
  if (outcome.status === 'error') return { status: 'error', summary: outcome.message, evidence: { probe: 'error', message: outcome.message } };
  return judge(outcome.data);
}
