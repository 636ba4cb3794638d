import 'server-only';
import { db } from '../../db';
import { regradeExceptionTargets } from '../../scan/regrade-exception-targets';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';

/** Far longer than any worker outage; older expiries were long since picked up by scheduled scans anyway. */
const LOOKBACK_DAYS = 7;
const BATCH = 200;
const MAX_BATCHES = 50;

/**
 * Exceptions whose expiresAt has passed stop counting without a rescan: each target they covered is re-graded and
 * an `exception.expire` audit row is written in the same transaction. That row marks the expiry as accounted for,
 * so a rerun skips it; were it processed twice, the second regrade would change nothing.
 */
export async function reopenExpiredExceptions(ctx: ServiceContext, input: { now?: Date } = {}): Promise<{ exceptions: number; targets: number }> {
  authorize(ctx, 'exceptions:write');
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  let exceptions = 0;
  const targets = new Set<string>();
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await db.$queryRaw<{ id: string; targetId: string | null; checkId: string; expiresAt: Date }[]>`
      SELECT e.id, e."targetId", e."checkId", e."expiresAt" FROM "Exception" e
      WHERE e."revokedAt" IS NULL
        AND e."expiresAt" <= ${now.toISOString()}::timestamp(3) AND e."expiresAt" > ${since.toISOString()}::timestamp(3)
        AND NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a.entity = 'exception' AND a."entityId" = e.id::text AND a.action = 'exception.expire')
      ORDER BY e."expiresAt", e.id
      LIMIT ${BATCH}`;
    for (const e of due) {
      await db.$transaction(async (tx) => {
        for (const id of await regradeExceptionTargets(tx, e, now)) targets.add(id);
        await writeAudit(tx, ctx, { action: 'exception.expire', entity: 'exception', entityId: e.id, diff: { targetId: e.targetId, checkId: e.checkId, expiresAt: e.expiresAt } });
      });
    }
    exceptions += due.length;
    if (due.length < BATCH) break;
  }
  return { exceptions, targets: targets.size };
}
