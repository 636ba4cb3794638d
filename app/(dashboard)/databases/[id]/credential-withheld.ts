import type { TargetCheckView } from '@/lib/services/checks/list-target-checks';

export interface WithheldCredential {
  reason: string;
  spkiSha256: string | null;
  /** the checks that could not run because of it */
  checkIds: string[];
}

const isWithheld = (v: unknown): v is { reason: string; spkiSha256: string | null } =>
  typeof v === 'object' && v !== null && typeof (v as { reason?: unknown }).reason === 'string';

/** Whether the last scan kept the credential back, from the evidence of the checks that needed the login. */
export function credentialWithheld(checks: TargetCheckView[]): WithheldCredential | null {
  const hits = checks.filter((c) => c.status === 'error' && isWithheld(c.evidence.credentialWithheld));
  if (hits.length === 0) return null;
  const first = hits[0]!.evidence.credentialWithheld as { reason: string; spkiSha256: string | null };
  return { reason: first.reason, spkiSha256: first.spkiSha256, checkIds: hits.map((c) => c.id) };
}
