import type { AlertSettings } from '../validations/alert-settings';
import { alertIntent, utcDay, type AlertCheckResult, type AlertIntent, type AlertTarget } from './alert-intent';
import { certExpiryAlert } from './cert-expiry-alert';
import { passwordRotationAlert } from './password-rotation-alert';

export interface CheckTransition {
  checkId: string;
  from: string | null;
  to: string;
}

export interface AlertRuleInput {
  target: AlertTarget;
  /** the grade the target carried before this scan (with accepted exceptions left out); null on a first scan */
  previousGrade: string | null;
  newGrade: string | null;
  results: readonly AlertCheckResult[];
  /** status changes this scan made (persistScanResult's `changed`) */
  transitions: readonly CheckTransition[];
  /** checks under an accepted, unexpired exception: they alert nothing */
  exceptedIds: ReadonlySet<string>;
  /** checks whose exception ended since the last scan: still failing counts as newly failing */
  exceptionEndedIds?: ReadonlySet<string>;
  settings: AlertSettings;
  now: Date;
}

/** Checks with a rule of their own never also alert as a "new critical finding". */
const ownRule = new Set(['cert.expiry', 'password.age', 'backup.freshness', 'backup.wal_archiving']);
const letterRank: Record<string, number> = { A: 4, B: 3, C: 2, D: 1, F: 0 };

/** A drop by a letter or more: A− → B+ is one, A+ → A is not. */
export function isLetterDrop(from: string | null, to: string | null): boolean {
  const a = from ? letterRank[from[0]!] : undefined;
  const b = to ? letterRank[to[0]!] : undefined;
  return a !== undefined && b !== undefined && b < a;
}

/** Issue 5's rules, pure: what this scan calls for. Whether it was already sent is the Outbox's dedupeKey's business. */
export function evaluateAlertRules(input: AlertRuleInput): AlertIntent[] {
  const { target, settings, now, exceptedIds } = input;
  const { rules } = settings;
  const day = utcDay(now);
  const byId = new Map(input.results.map((r) => [r.id, r]));
  const live = (id: string) => (exceptedIds.has(id) ? undefined : byId.get(id));
  const turnedFail = new Set(input.transitions.filter((t) => t.to === 'fail' && t.from !== 'fail').map((t) => t.checkId));
  for (const id of input.exceptionEndedIds ?? []) if (byId.get(id)?.status === 'fail') turnedFail.add(id);
  const newlyFailing = (id: string) => (turnedFail.has(id) ? live(id) : undefined);
  const intents: AlertIntent[] = [];
  const push = (i: AlertIntent | null) => void (i && intents.push(i));

  const cert = live('cert.expiry');
  if (rules.certExpiry && cert) push(certExpiryAlert(target, cert, now));
  const password = live('password.age');
  if (rules.passwordRotation && password) push(passwordRotationAlert(target, password, now));

  const backup = newlyFailing('backup.freshness');
  if (rules.backupStale && backup) {
    const headline = backup.evidence.newestSuccessAt === null ? 'no successful backup found' : 'backups are stale';
    push(alertIntent(target, { kind: 'backup.stale', severity: 'high', dedupeKey: `backup:${target.id}:${day}`, headline, checkId: backup.id, facts: checkFacts(backup) }));
  }
  const wal = newlyFailing('backup.wal_archiving');
  if (rules.walFailing && wal) {
    const headline = 'WAL archiving is failing (point-in-time recovery broken)';
    push(alertIntent(target, { kind: 'wal.failing', severity: 'high', dedupeKey: `wal:${target.id}:${day}`, headline, checkId: wal.id, facts: checkFacts(wal) }));
  }

  if (rules.gradeDrop && isLetterDrop(input.previousGrade, input.newGrade)) {
    const failing = input.results.filter((r) => r.status === 'fail' && !exceptedIds.has(r.id));
    push(
      alertIntent(target, {
        kind: 'grade.drop',
        severity: 'high',
        dedupeKey: `grade:${target.id}:${input.previousGrade}:${input.newGrade}:${day}`,
        headline: `grade dropped from ${input.previousGrade} to ${input.newGrade}`,
        facts: {
          'Previous grade': input.previousGrade,
          'New grade': input.newGrade,
          'Failing checks': failing.map((r) => `${r.id} (${r.severity})`).join(', ') || 'none',
        },
      }),
    );
  }

  if (rules.newCritical) {
    for (const id of turnedFail) {
      const r = live(id);
      if (!r || r.severity !== 'critical' || ownRule.has(id)) continue;
      push(alertIntent(target, { kind: 'critical.new', severity: 'critical', dedupeKey: `critical:${target.id}:${id}:${day}`, headline: `critical finding: ${r.title}`, checkId: id, facts: checkFacts(r) }));
    }
  }
  return intents;
}

/** The check's summary plus its scalar evidence values. */
function checkFacts(r: AlertCheckResult): Record<string, string | number | null> {
  const facts: Record<string, string | number | null> = { Observed: r.summary, Status: r.status };
  for (const [k, v] of Object.entries(r.evidence)) {
    if (k === 'summary') continue;
    if (typeof v === 'string' || typeof v === 'number' || v === null) facts[k] = v;
    else if (typeof v === 'boolean') facts[k] = String(v);
  }
  return facts;
}
