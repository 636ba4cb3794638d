import type { Severity } from '../checks/check-definition';
import type { Grade } from './grade-bands';
import { type GradableResult, gradeTarget, severityWeight } from './grade-target';

export interface WhatIfStep {
  id: string;
  severity: Severity;
  status: 'fail' | 'warn' | 'error';
  /** score points this fix adds (with exceptions) */
  gain: number;
  /** score and grade once this and every earlier step are fixed */
  scoreAfter: number;
  gradeAfter: Grade;
}

const share = { fail: 0, error: 0, warn: 0.5 } as const;
const isOpen = (r: GradableResult): r is GradableResult & { status: WhatIfStep['status'] } => r.status === 'fail' || r.status === 'warn' || r.status === 'error';
/** Ties in gain go first to fixes that lift a cap: F before D. */
const capLift = (r: GradableResult) => (r.cap === 'F' ? 2 : r.status === 'fail' && r.severity === 'critical' ? 1 : 0);

/**
 * The open checks (fail, warn, error; accepted exceptions left out) ordered by how much fixing each raises the
 * score, with the score and grade reached after each cumulative step; caps lift as their last cause is fixed.
 */
export function whatIfPlan(results: readonly GradableResult[], exceptedIds: ReadonlySet<string> = new Set()): WhatIfStep[] {
  const kept = results.filter((r) => !exceptedIds.has(r.id));
  const total = kept.reduce((sum, r) => (r.status === 'skip' ? sum : sum + severityWeight[r.severity]), 0);
  if (total === 0) return [];
  const open = kept
    .flatMap((r, i) => (isOpen(r) ? [{ r, i, exact: (100 * severityWeight[r.severity] * (1 - share[r.status])) / total }] : []))
    .sort((a, b) => b.exact - a.exact || capLift(b.r) - capLift(a.r) || a.r.id.localeCompare(b.r.id));
  const state: GradableResult[] = [...kept];
  const steps: WhatIfStep[] = [];
  for (const { r, i, exact } of open) {
    state[i] = { id: r.id, severity: r.severity, status: 'pass' };
    const after = gradeTarget(state);
    steps.push({ id: r.id, severity: r.severity, status: r.status, gain: Math.round(exact * 10) / 10, scoreAfter: after.score ?? 0, gradeAfter: after.grade ?? 'F' });
  }
  return steps;
}

