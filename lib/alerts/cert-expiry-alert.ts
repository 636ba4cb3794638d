import { alertIntent, plural, type AlertCheckResult, type AlertIntent, type AlertSeverity, type AlertTarget } from './alert-intent';

/** Issue 5: at 90, 30, 14, 7 and 1 days left, and when expired. Tightest first. */
export const certThresholds = [1, 7, 14, 30, 90] as const;
export type CertThreshold = (typeof certThresholds)[number] | 'expired';

const severityOf = (t: CertThreshold): AlertSeverity => (t === 'expired' || t <= 7 ? 'critical' : t === 14 ? 'high' : t === 30 ? 'medium' : 'low');

/** The tightest threshold this many days left has crossed, or null while more than 90 days remain. */
export function certThreshold(daysLeft: number, expired: boolean): CertThreshold | null {
  if (expired || daysLeft < 0) return 'expired';
  return certThresholds.find((t) => daysLeft <= t) ?? null;
}

function headlineFor(daysLeft: number, expired: boolean): string {
  if (expired || daysLeft < 0) {
    const ago = Math.max(0, -daysLeft);
    return ago === 0 ? 'TLS certificate has expired' : `TLS certificate expired ${plural(ago, 'day')} ago`;
  }
  return daysLeft === 0 ? 'TLS certificate expires today' : `TLS certificate expires in ${plural(daysLeft, 'day')}`;
}

/**
 * One alert per (certificate fingerprint, threshold), ever: the key carries both, so a renewed certificate starts afresh
 * and certificates served in turn by a load balancer each alert once per threshold. Only the current threshold alerts.
 */
export function certExpiryAlert(target: AlertTarget, result: AlertCheckResult, now: Date): AlertIntent | null {
  if (result.status !== 'pass' && result.status !== 'warn' && result.status !== 'fail') return null;
  const e = result.evidence;
  if (typeof e.daysLeft !== 'number') return null;
  const notAfter = typeof e.earliestNotAfter === 'string' ? e.earliestNotAfter : null;
  const notAfterMs = notAfter === null ? Number.NaN : Date.parse(notAfter);
  const expired = e.daysLeft < 0 || (!Number.isNaN(notAfterMs) && notAfterMs <= now.getTime());
  const threshold = certThreshold(e.daysLeft, expired);
  if (threshold === null) return null;
  // Without a fingerprint the notAfter is the next best identity of "this certificate".
  const identity = typeof e.fingerprint256 === 'string' && e.fingerprint256 !== '' ? e.fingerprint256 : `notafter-${notAfter ?? 'unknown'}`;
  return alertIntent(target, {
    kind: 'cert.expiry',
    severity: severityOf(threshold),
    dedupeKey: `cert:${target.id}:${identity}:${threshold}`,
    headline: headlineFor(e.daysLeft, expired),
    checkId: result.id,
    facts: {
      Observed: result.summary,
      'Days left': e.daysLeft,
      'Expires (notAfter)': notAfter,
      Certificate: typeof e.earliestSubject === 'string' ? e.earliestSubject : null,
      'SHA-256 fingerprint': typeof e.fingerprint256 === 'string' ? e.fingerprint256 : null,
      Threshold: threshold === 'expired' ? 'expired' : `${plural(threshold, 'day')} left`,
    },
  });
}
