import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import type { CheckVerdict, JsonValue } from './check-definition';

/** A skipped probe makes the check skip, a failed probe makes it error; only observed data is judged. */
export function outcomeVerdict<T>(outcome: ProbeOutcome<T>, judge: (data: T) => CheckVerdict): CheckVerdict {
  if (outcome.status === 'skipped') return { status: 'skip', summary: outcome.reason, evidence: { probe: 'skipped', reason: outcome.reason } };
  if (outcome.status === 'error') {
    const evidence: Record<string, JsonValue> = { probe: 'error', message: outcome.message };
    if (outcome.withheld) evidence.credentialWithheld = { reason: outcome.withheld.reason, spkiSha256: outcome.withheld.spkiSha256 };
    return { status: 'error', summary: outcome.message, evidence };
  }
  return judge(outcome.data);
}
