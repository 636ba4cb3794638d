import 'server-only';
import { db } from '../../db';
import { authorize, type ServiceContext } from '../service-context';
import { parseTargetId } from '../targets/parse-target-id';

export interface VanishedWorkloadView {
  context: string | null;
  namespace: string;
  kind: string;
  name: string;
  goneAt: string;
}

/** The discovered workload behind a target, when a complete discovery pass no longer found it; null otherwise. */
export async function getVanishedWorkload(ctx: ServiceContext, targetId: string): Promise<VanishedWorkloadView | null> {
  authorize(ctx, 'inventory:read');
  const id = parseTargetId(targetId);
  const linked = await db.discoveredWorkload.findMany({
    where: { targetId: id },
    orderBy: { lastSeenAt: 'desc' },
    select: { context: true, namespace: true, kind: true, name: true, goneAt: true },
  });
  // A target with one live workload is still there, whatever older rows say.
  if (linked.length === 0 || linked.some((w) => w.goneAt === null)) return null;
  const w = linked[0]!;
  return { context: w.context, namespace: w.namespace, kind: w.kind, name: w.name, goneAt: w.goneAt!.toISOString() };
}
