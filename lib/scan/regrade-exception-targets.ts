import type { Tx } from '../db';
import { regradeTarget } from './regrade-target';

/** Re-grades what an exception touches: its own target, or for a fleet-wide one every active target with that check. */
export async function regradeExceptionTargets(tx: Tx, exception: { targetId: string | null; checkId: string }, at = new Date()): Promise<string[]> {
  const ids = exception.targetId
    ? [exception.targetId]
    : (
        await tx.checkState.findMany({
          where: { checkId: exception.checkId, target: { archivedAt: null } },
          select: { targetId: true },
        })
      ).map((s) => s.targetId);
  for (const id of ids) await regradeTarget(tx, id, at);
  return ids;
}
