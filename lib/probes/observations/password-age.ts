/** The rotation record of the target's credential. */
export interface PasswordAgeObservation {
  source: 'posture' | 'k8s-secret' | 'none';
  rotatedAt: string | null;
  ageDays: number | null;
  policyDays: number;
  /** rolvaliduntil, when the server has one for the role */
  validUntil: string | null;
  /** only the length of a known secret, never the secret */
  /** the known secret is at least password.strength's minimum length; null when unknown. Its length is never recorded */
  secretLongEnough: boolean | null;
}
