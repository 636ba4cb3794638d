import type { Db, Tx } from '../db';

/** Check ids with an accepted, unexpired, unrevoked exception for this target (or fleet-wide). */
export async function activeExceptionIds(client: Db | Tx, targetId: string, now: Date): Promise<Set<string>> {
  const rows = await client.exception.findMany({
    where: { OR: [{ targetId }, { targetId: null }], revokedAt: null, expiresAt: { gt: now } },
    select: { checkId: true },
  });
  return new Set(rows.map((r) => r.checkId));
}
