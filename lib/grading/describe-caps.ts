import type { GradeCap } from './grade-target';
import { capRules } from './grading-policy';

const labels = new Map(capRules.map((r) => [r.id, r.label]));

const list = (ids: string[]) => (ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`);

/** "capped at B by pg.tls.min_version (a failing high check)", plus the other caps; null when nothing caps the grade. */
export function describeCaps(caps: readonly GradeCap[]): string | null {
  const [first, ...rest] = caps;
  if (!first) return null;
  const one = (c: GradeCap) => `${list(c.checkIds)} (${labels.get(c.rule) ?? c.rule})`;
  const also = rest.map((c) => `; at most ${c.maxGrade} by ${one(c)}`).join('');
  return `capped at ${first.maxGrade} by ${one(first)}${also}`;
}
