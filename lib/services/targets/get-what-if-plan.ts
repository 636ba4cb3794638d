import 'server-only';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import type { CheckStatus, Severity } from '../../checks/check-definition';
import { AppError } from '../../errors/app-error';
import { type Grade, gradeRank, isGrade } from '../../grading/grade-bands';
import { type GradableResult } from '../../grading/grade-target';
import { whatIfPlan } from '../../grading/what-if-plan';
import { activeExceptionIds } from '../../fleet/active-exception-ids';
import { authorize, type ServiceContext } from '../service-context';
import { parseTargetId } from './parse-target-id';

export interface WhatIfPlanStep {
  checkId: string;
  title: string;
  severity: Severity;
  status: 'fail' | 'warn';
  gain: number;
  scoreAfter: number;
  gradeAfter: Grade;
}

export interface WhatIfPlanView {
  score: number | null;
  grade: Grade | null;
  scoreWithExceptions: number | null;
  gradeWithExceptions: Grade | null;
  /** active exceptions that cover one of this target's applicable checks */
  acceptedExceptions: number;
  /** the grade the panel aims for: A- when below it, else A+ */
  goal: Grade;
  /** how many of the first steps reach the goal (all of them when the goal is out of reach) */
  stepsToGoal: number;
  steps: WhatIfPlanStep[];
  /** checks whose result is known (the plan is over these), Posture could not tell (error) and that did not run (skip) */
  ran: number;
  errored: number;
  skipped: number;
}

const titles = new Map(checkCatalog.map((c) => [c.id, c.title]));

/** Which open checks to fix first, from the stored check states; accepted exceptions are left out, as in the score. */
export async function getWhatIfPlan(ctx: ServiceContext, targetId: string, now = new Date()): Promise<WhatIfPlanView> {
  authorize(ctx, 'inventory:read');
  const id = parseTargetId(targetId);
  const target = await db.target.findUnique({
    where: { id },
    select: { score: true, grade: true, scoreWithExceptions: true, gradeWithExceptions: true },
  });
  if (!target) throw new AppError('not_found', 'Database not found');
  const [states, excepted] = await Promise.all([
    db.checkState.findMany({ where: { targetId: id }, select: { checkId: true, status: true, severity: true, cap: true } }),
    activeExceptionIds(db, id, now),
  ]);
  const results: GradableResult[] = states.map((s) => ({
    id: s.checkId,
    status: s.status as CheckStatus,
    severity: s.severity as Severity,
    ...(s.cap === 'F' ? { cap: 'F' as const } : {}),
  }));
  const plan = whatIfPlan(results, excepted);
  const steps = plan.steps.map((s) => ({
    checkId: s.id,
    title: titles.get(s.id) ?? s.id,
    severity: s.severity,
    status: s.status,
    gain: s.gain,
    scoreAfter: s.scoreAfter,
    gradeAfter: s.gradeAfter,
  }));
  const current = target.gradeWithExceptions ?? target.grade;
  const goal: Grade = isGrade(current) && gradeRank(current) >= gradeRank('A-') ? 'A+' : 'A-';
  const reached = steps.findIndex((s) => gradeRank(s.gradeAfter) >= gradeRank(goal));
  return {
    score: target.score,
    grade: target.grade as Grade | null,
    scoreWithExceptions: target.scoreWithExceptions,
    gradeWithExceptions: target.gradeWithExceptions as Grade | null,
    acceptedExceptions: results.filter((r) => r.status !== 'skip' && excepted.has(r.id)).length,
    goal,
    stepsToGoal: reached === -1 ? steps.length : reached + 1,
    steps,
    ran: plan.ran,
    errored: plan.errored,
    skipped: plan.skipped,
  };
}
