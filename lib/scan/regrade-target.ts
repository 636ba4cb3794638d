import type { Tx } from '../db';
import type { CheckStatus, Severity } from '../checks/check-definition';
import { gradeTarget } from '../grading/grade-target';
import { activeExceptionIds } from '../fleet/active-exception-ids';
import { targetGradeColumns, upsertDailySnapshot } from './persist-scan-result';

/** Re-grades a target from its stored check states, e.g. when an exception is accepted, revoked or expires. */
export async function regradeTarget(tx: Tx, targetId: string, at = new Date()): Promise<void> {
  const states = await tx.checkState.findMany({ where: { targetId }, select: { checkId: true, status: true, severity: true, cap: true } });
  if (states.length === 0) return;
  const results = states.map((s) => ({ id: s.checkId, status: s.status as CheckStatus, severity: s.severity as Severity, ...(s.cap === 'F' ? { cap: 'F' as const } : {}) }));
  const grade = gradeTarget(results, await activeExceptionIds(tx, targetId, at));
  await tx.target.update({ where: { id: targetId }, data: targetGradeColumns(grade) });
  await upsertDailySnapshot(tx, targetId, grade, at);
}
