import type { ProbeOutcome } from '../probes/observations/probe-outcome';

/** An engine probe's outcome, or a skip when the scan did not run it (another engine, an older observation). */
export function engineOutcome<T>(outcome: ProbeOutcome<T> | undefined, engine: string): ProbeOutcome<T> {
  return outcome ?? { status: 'skipped', reason: `the ${engine} probe did not run for this target` };
}
