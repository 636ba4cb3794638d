import { alertIntent, calendarDaysUntil, isoWeek, plural, type AlertCheckResult, type AlertIntent, type AlertTarget } from './alert-intent';

const dayMs = 86_400_000;
/** Issue 5: "due in 10 days". */
const leadDays = 10;

/** The earliest due date the evidence gives: the last rotation plus the policy, or the role's VALID UNTIL. */
function dueDate(e: AlertCheckResult['evidence']): { due: Date; anchor: string } | null {
  const candidates: { due: Date; anchor: string }[] = [];
  const rotatedMs = typeof e.rotatedAt === 'string' ? Date.parse(e.rotatedAt) : Number.NaN;
  if (!Number.isNaN(rotatedMs) && typeof e.policyDays === 'number') {
    candidates.push({ due: new Date(rotatedMs + e.policyDays * dayMs), anchor: new Date(rotatedMs).toISOString() });
  }
  // rolvaliduntil may be 'infinity', which parses to NaN: never due.
  const validMs = typeof e.validUntil === 'string' ? Date.parse(e.validUntil) : Number.NaN;
  if (!Number.isNaN(validMs)) candidates.push({ due: new Date(validMs), anchor: new Date(validMs).toISOString() });
  return candidates.sort((a, b) => a.due.getTime() - b.due.getTime())[0] ?? null;
}

/**
 * Keys carry the rotation (or VALID UNTIL) date, so a rotated password starts over. Due in 10 days and due today alert
 * once each; overdue alerts once per ISO week while it lasts, not daily.
 */
export function passwordRotationAlert(target: AlertTarget, result: AlertCheckResult, now: Date): AlertIntent | null {
  if (result.status !== 'pass' && result.status !== 'warn' && result.status !== 'fail') return null;
  const found = dueDate(result.evidence);
  if (!found) return null;
  const daysLeft = calendarDaysUntil(found.due, now);
  if (daysLeft > leadDays) return null;
  const base = `pwd:${target.id}:${found.anchor}`;
  const facts = {
    Observed: result.summary,
    Due: found.due.toISOString().slice(0, 10),
    'Last rotated': typeof result.evidence.rotatedAt === 'string' ? result.evidence.rotatedAt : null,
    'Age (days)': typeof result.evidence.ageDays === 'number' ? result.evidence.ageDays : null,
    'Policy (days)': typeof result.evidence.policyDays === 'number' ? result.evidence.policyDays : null,
    'VALID UNTIL': typeof result.evidence.validUntil === 'string' ? result.evidence.validUntil : null,
    'Date from': typeof result.evidence.source === 'string' ? result.evidence.source : null,
  };
  const common = { kind: 'password.rotation' as const, checkId: result.id, facts };
  if (daysLeft < 0) {
    const headline = `password rotation overdue by ${plural(-daysLeft, 'day')}`;
    return alertIntent(target, { ...common, severity: 'high', dedupeKey: `${base}:overdue:${isoWeek(now)}`, headline });
  }
  if (daysLeft === 0) return alertIntent(target, { ...common, severity: 'high', dedupeKey: `${base}:due0`, headline: 'password rotation due today' });
  return alertIntent(target, { ...common, severity: 'medium', dedupeKey: `${base}:due10`, headline: `password rotation due in ${plural(daysLeft, 'day')}` });
}
