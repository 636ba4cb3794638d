import type { CredentialView } from '@/lib/services/targets/target-view';
import { formatDate } from '@/lib/ui/format-date';

/** Where the password lives and when it was set; the secret itself is never part of the view. */
export function credentialSummary(c: CredentialView | null): string {
  if (!c) return 'no password stored';
  if (c.source === 'env' && c.reference) return `${c.username} · password from environment variable ${c.reference}`;
  if (c.source === 'k8s-secret' && c.reference) return `${c.username} · password from Kubernetes Secret ${c.reference}`;
  if (c.hasStoredSecret) return `${c.username} · password set on ${formatDate(c.rotatedAt, 'an unknown date')}`;
  return `${c.username} · no password stored`;
}
