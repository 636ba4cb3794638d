import type { Tx } from '../db';
import type { CheckResult } from '../checks/check-definition';
import { activeExceptionIds } from '../fleet/active-exception-ids';
import type { GradeSummary } from '../grading/grade-summary';
import { enqueueAlerts } from './enqueue-alerts';
import { evaluateAlertRules, type CheckTransition } from './evaluate-alert-rules';
import { alertSetting } from '../settings/alert-setting';
import { publicUrl } from './public-url';
import { renderAlertEmail } from './render-alert-email';
import { enqueueChannelAlerts } from './channels/enqueue-channel-alerts';

const targetBeforeScanSelect = {
  id: true,
  name: true,
  engine: true,
  host: true,
  port: true,
  environment: true,
  ownerTeam: true,
  ownerEmail: true,
  grade: true,
  gradeWithExceptions: true,
  lastScanAt: true,
} as const;

export type TargetBeforeScan = Awaited<ReturnType<typeof targetBeforeScan>>;

/** The target as the previous scan left it: read inside the scan's transaction before persisting, for the grade it had. */
export async function targetBeforeScan(tx: Tx, targetId: string) {
  return tx.target.findUniqueOrThrow({ where: { id: targetId }, select: targetBeforeScanSelect });
}

/** Checks whose exception (for this target or fleet-wide) expired or was revoked since the previous scan. */
async function exceptionsEndedSince(tx: Tx, targetId: string, since: Date | null, at: Date, stillActive: ReadonlySet<string>): Promise<Set<string>> {
  if (!since) return new Set();
  const window = { gt: since, lte: at };
  const rows = await tx.exception.findMany({
    where: { OR: [{ targetId }, { targetId: null }], AND: [{ OR: [{ expiresAt: window }, { revokedAt: window }] }] },
    select: { checkId: true },
  });
  return new Set(rows.map((r) => r.checkId).filter((id) => !stillActive.has(id)));
}

/**
 * Alert rules → Outbox rows, in the scan's transaction: the rows commit together with the state change that caused them,
 * or not at all. Accepted exceptions alert nothing; the grade compared is the one with exceptions left out.
 */
export async function alertsForScan(
  tx: Tx,
  input: { before: TargetBeforeScan; results: readonly CheckResult[]; grade: GradeSummary; changed: readonly CheckTransition[]; at: Date },
): Promise<number> {
  const { before, results, grade, changed, at } = input;
  const settings = await alertSetting.load(tx);
  const exceptedIds = await activeExceptionIds(tx, before.id, at);
  const exceptionEndedIds = await exceptionsEndedSince(tx, before.id, before.lastScanAt, at, exceptedIds);
  const ruleInput = {
    target: before,
    previousGrade: before.gradeWithExceptions ?? before.grade,
    newGrade: grade.gradeWithExceptions ?? grade.grade,
    results,
    transitions: changed,
    exceptedIds,
    exceptionEndedIds,
    settings,
    now: at,
  };
  const intents = evaluateAlertRules(ruleInput);
  const base = publicUrl();
  // Channels route for themselves, so they see every rule's alerts whatever the email switches say.
  const everyRule = Object.fromEntries(Object.keys(settings.rules).map((k) => [k, true])) as typeof settings.rules;
  const channelIntents = evaluateAlertRules({ ...ruleInput, settings: { ...settings, rules: everyRule } });
  await enqueueChannelAlerts(tx, { target: before, results, intents: channelIntents, transitions: changed, exceptedIds, exceptionEndedIds, at, publicUrl: base });
  if (intents.length === 0) return 0;
  const byId = new Map(results.map((r) => [r.id, r]));
  const alerts = intents.map((intent) => {
    const check = intent.checkId ? byId.get(intent.checkId) : undefined;
    return { intent, email: renderAlertEmail({ intent, target: before, check, publicUrl: base }) };
  });
  return enqueueAlerts(tx, alerts, { ownerEmail: before.ownerEmail, ownerTeam: before.ownerTeam, ...settings }, at);
}
