import type { Severity } from '../checks/check-definition';
import { type Grade, gradeRank } from './grade-bands';
import { type GradableResult, gradeResults } from './grade-target';

export interface WhatIfStep {
  id: string;
  severity: Severity;
  status: 'fail' | 'warn';
  /** score points this fix adds (with exceptions), after the steps before it */
  gain: number;
  /** score and grade once this and every earlier step are fixed, caps included */
  scoreAfter: number;
  gradeAfter: Grade;
}

export interface WhatIfPlan {
  steps: WhatIfStep[];
  /** checks whose result is known: pass, warn or fail */
  ran: number;
  /** checks Posture could not tell (error): the plan cannot promise what fixing them gives, so they stay as they are */
  errored: number;
  /** checks that did not run (skip) */
  skipped: number;
}

const isOpen = (r: GradableResult): r is GradableResult & { status: WhatIfStep['status'] } => r.status === 'fail' || r.status === 'warn';

/**
 * The known problems (fail, warn; accepted exceptions left out), each next step the fix that lifts the grade most
 * (caps included), then the score most: "fix these 2 to reach A−". Errors stay errors, so a critical check Posture
 * could not verify keeps its cap and the plan never promises more than it knows.
 */
export function whatIfPlan(results: readonly GradableResult[], exceptedIds: ReadonlySet<string> = new Set()): WhatIfPlan {
  const kept = results.filter((r) => !exceptedIds.has(r.id));
  const count = (s: GradableResult['status']) => kept.filter((r) => r.status === s).length;
  const plan: WhatIfPlan = { steps: [], ran: count('pass') + count('warn') + count('fail'), errored: count('error'), skipped: count('skip') };
  const state: GradableResult[] = [...kept];
  let open = kept.flatMap((r, i) => (isOpen(r) ? [i] : []));
  let score = gradeResults(state).score;
  if (score === null) return plan;
  while (open.length > 0) {
    let best: { i: number; rank: number; score: number } | null = null;
    for (const i of open) {
      const r = state[i]!;
      state[i] = { id: r.id, severity: r.severity, status: 'pass' };
      const after = gradeResults(state);
      state[i] = r;
      const candidate = { i, rank: gradeRank(after.grade ?? 'F'), score: after.score ?? 0 };
      const better = !best || candidate.rank > best.rank || (candidate.rank === best.rank && (candidate.score > best.score || (candidate.score === best.score && r.id < state[best.i]!.id)));
      if (better) best = candidate;
    }
    const r = state[best!.i]! as GradableResult & { status: WhatIfStep['status'] };
    state[best!.i] = { id: r.id, severity: r.severity, status: 'pass' };
    const after = gradeResults(state);
    plan.steps.push({ id: r.id, severity: r.severity, status: r.status, gain: Math.round(((after.score ?? 0) - score) * 10) / 10, scoreAfter: after.score ?? 0, gradeAfter: after.grade ?? 'F' });
    score = after.score ?? 0;
    open = open.filter((i) => i !== best!.i);
  }
  return plan;
}
