import 'server-only';
import { db } from '../../db';
import { writeFleetSnapshot, type FleetSnapshotView } from '../../fleet/write-fleet-snapshot';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';

/** An admin's "roll the fleet up now" (the job does it every 15 minutes); null while nothing is graded yet. */
export async function rollupFleet(ctx: ServiceContext): Promise<FleetSnapshotView | null> {
  authorize(ctx, 'users:manage');
  return db.$transaction(async (tx) => {
    const snapshot = await writeFleetSnapshot({ tx });
    await writeAudit(tx, ctx, { action: 'fleet.rollup', entity: 'fleet', diff: snapshot ? { day: snapshot.day, score: snapshot.score } : null });
    return snapshot;
  });
}
