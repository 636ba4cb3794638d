import 'server-only';
import { db } from '../../db';
import type { DiscoverySettings } from '../../discovery/discovery-settings';
import type { DiscoveryStatus } from '../../validations/discovery-inputs';
import { kubeAccessFromEnv } from '../../discovery/kube-access-from-env';
import { authorize, type ServiceContext } from '../service-context';
import { toRunView, toWorkloadView, type DiscoveredWorkloadView, type DiscoveryRunView } from './discovery-view';
import { discoverySetting } from '../../settings/discovery-setting';

export interface DiscoveryOverview {
  /** whether this process can reach a cluster at all (POSTURE_KUBECONFIG or in-cluster) */
  configured: boolean;
  settings: DiscoverySettings;
  lastRun: DiscoveryRunView | null;
  counts: Record<DiscoveryStatus, number>;
  items: DiscoveredWorkloadView[];
}

/** Every proposal with its status, the last pass and the settings; namespace, then name. */
export async function listDiscovery(ctx: ServiceContext): Promise<DiscoveryOverview> {
  authorize(ctx, 'inventory:read');
  const [rows, lastRun, settings] = await Promise.all([
    db.discoveredWorkload.findMany({ orderBy: [{ namespace: 'asc' }, { name: 'asc' }, { key: 'asc' }] }),
    db.discoveryRun.findFirst({ orderBy: { startedAt: 'desc' } }),
    discoverySetting.load(),
  ]);
  const ids = [...new Set(rows.flatMap((r) => (r.targetId ? [r.targetId] : [])))];
  const targets = new Map((await db.target.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((t) => [t.id, t.name]));
  const items = rows.map((r) => toWorkloadView(r, targets));
  const counts: Record<DiscoveryStatus, number> = { new: 0, 'in-inventory': 0, gone: 0 };
  for (const i of items) counts[i.status] += 1;
  return { configured: kubeAccessFromEnv(settings.context) !== null, settings, lastRun: lastRun ? toRunView(lastRun) : null, counts, items };
}
