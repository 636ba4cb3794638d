import 'server-only';
import type { CheckDefinition } from '../../checks/check-definition';
import { engineRegistry } from '../../engines/engine-registry';

const brief = (checks: readonly CheckDefinition[]) => checks.map((c) => ({ id: c.id, title: c.title }));

/**
 * The check filter's groups for the engines the fleet has: each engine's own checks under its name, then each shared
 * concern once, naming the fleet's engines it covers. An engine nobody runs adds nothing.
 */
export function fleetCheckGroups(fleetEngines: readonly string[]): { label: string; checks: { id: string; title: string }[] }[] {
  const present = engineRegistry.filter((e) => fleetEngines.includes(e.id));
  const own = present.filter((e) => e.checks.length > 0).map((e) => ({ label: e.label, checks: brief(e.checks) }));
  const concerns = [...new Set(present.flatMap((e) => e.concerns))].map((c) => {
    const users = present.filter((e) => e.concerns.includes(c)).map((e) => e.label);
    return { label: `${c.label} (${users.join(', ')})`, checks: brief(c.checks) };
  });
  return [...own, ...concerns];
}
