import type { CheckResult } from '../checks/check-definition';
import { sanitizeHeader } from './alert-text';

/** The Outbox `kind` of each rule. */
export type AlertKind = 'cert.expiry' | 'password.rotation' | 'backup.stale' | 'wal.failing' | 'grade.drop' | 'critical.new';
export type AlertSeverity = 'critical' | 'high' | 'medium' | 'low';
export type AlertFacts = Record<string, string | number | null>;

/** One alert a scan calls for, before rendering and recipients. The dedupeKey decides whether it was already sent. */
export interface AlertIntent {
  kind: AlertKind;
  severity: AlertSeverity;
  dedupeKey: string;
  targetId: string;
  /** "[Posture] auth-db: TLS certificate expires in 7 days (urgent)", header-safe */
  subject: string;
  /** the "what" of the subject: "TLS certificate expires in 7 days" */
  headline: string;
  checkId?: string;
  /** observed values, label → value, in display order */
  facts: AlertFacts;
}

export interface AlertTarget {
  id: string;
  name: string;
  ownerEmail: string | null;
}

export type AlertCheckResult = Pick<CheckResult, 'id' | 'title' | 'severity' | 'status' | 'summary' | 'evidence'>;

const urgencyOf: Record<AlertSeverity, string> = { critical: 'urgent', high: 'action needed', medium: 'soon', low: 'heads-up' };

export function alertSubject(targetName: string, headline: string, severity: AlertSeverity): string {
  return sanitizeHeader(`[Posture] ${sanitizeHeader(targetName, 80)}: ${headline} (${urgencyOf[severity]})`, 250);
}

/** Builds an intent with its subject; every rule goes through here. */
export function alertIntent(target: AlertTarget, fields: Omit<AlertIntent, 'subject' | 'targetId'>): AlertIntent {
  const headline = sanitizeHeader(fields.headline, 150);
  return { ...fields, headline, targetId: target.id, subject: alertSubject(target.name, headline, fields.severity) };
}

const dayMs = 86_400_000;

/** The UTC calendar day, YYYY-MM-DD: per-day keys ("at most one a day"). */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** Whole UTC calendar days from `now` to `at` (negative when past). */
export const calendarDaysUntil = (at: Date, now: Date) => Math.round((Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / dayMs);

/** ISO 8601 week, e.g. 2026-W48: the week containing this day's Thursday names it. */
export function isoWeek(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / dayMs + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
