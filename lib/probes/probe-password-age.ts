import type { PasswordAgeObservation } from './observations/password-age';
import type { ProbeOutcome } from './observations/probe-outcome';

export interface PasswordAgeInput {
  /** when a password was entered or a rotation recorded in Posture */
  rotatedAt: string | null;
  /** reads the Kubernetes Secret's last write time, when the password lives in one */
  secretWrittenAt?: (() => Promise<string | null>) | null;
  /** rolvaliduntil of the login role, from the authenticated session */
  validUntil: string | null;
  policyDays: number;
  /** whether the known secret is at least the policy's length; null when Posture does not know it. Never the length itself */
  secretLongEnough: boolean | null;
  now?: Date;
}

/** Picks the most trustworthy rotation date: Posture's own record, then the Secret's last write. */
export async function probePasswordAge(input: PasswordAgeInput): Promise<ProbeOutcome<PasswordAgeObservation>> {
  const now = input.now ?? new Date();
  let source: PasswordAgeObservation['source'] = 'none';
  let rotatedAt: string | null = null;
  try {
    if (input.rotatedAt) {
      source = 'posture';
      rotatedAt = input.rotatedAt;
    } else if (input.secretWrittenAt) {
      rotatedAt = await input.secretWrittenAt();
      if (rotatedAt) source = 'k8s-secret';
    }
  } catch (e) {
    return { status: 'error', message: `could not read the Secret's age: ${e instanceof Error ? e.message : String(e)}` };
  }
  const ageDays = rotatedAt ? Math.floor((now.getTime() - Date.parse(rotatedAt)) / 86_400_000) : null;
  return {
    status: 'ok',
    data: { source, rotatedAt, ageDays, policyDays: input.policyDays, validUntil: input.validUntil, secretLongEnough: input.secretLongEnough },
  };
}
