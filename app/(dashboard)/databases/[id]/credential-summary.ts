import type { CredentialView } from '@/lib/services/targets/target-view';
import { formatDate } from '@/lib/ui/format-date';

/** Where the password lives and when it was set; the secret itself is never part of the view. */
export function credentialSummary(c: CredentialView | null): string {
  if (!c) return 'no password stored';
  // A rotation recorded for a referenced password (rotated by an operator, say) is worth showing too.
  const rotated = c.rotatedAt ? ` · rotated on ${formatDate(c.rotatedAt)}` : '';
  if (c.source === 'env' && c.reference) return `${c.username} · password from environment variable ${c.reference}${rotated}`;
  if (c.source === 'k8s-secret' && c.reference) return `${c.username} · password from Kubernetes Secret ${c.reference}${rotated}`;
  if (c.hasStoredSecret) return `${c.username} · password set on ${formatDate(c.rotatedAt, 'an unknown date')}`;
  return `${c.username} · no password stored`;
}
