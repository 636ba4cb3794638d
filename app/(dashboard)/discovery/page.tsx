import { z } from 'zod';
import { requireUser } from '@/lib/auth/require-user';
import { discoveryStatuses } from '@/lib/validations/discovery-inputs';
import { roleAllows } from '@/lib/access/permissions';
import { listDiscovery } from '@/lib/services/discovery/list-discovery';
import { DiscoveryManager } from './discovery-manager';
import { DiscoverySettingsForm } from './discovery-settings-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Discovery' };

const tabQuery = z.object({ status: z.enum(discoveryStatuses).catch('new').default('new') });

export default async function DiscoveryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireUser();
  const { status } = tabQuery.parse(await searchParams);
  const overview = await listDiscovery(ctx);
  return (
    <>
      <div className="page-header">
        <div className="title-block">
          <h1>Discovery</h1>
          <p className="muted small">
            Database workloads found in Kubernetes: pods, StatefulSets and Deployments labelled <code>app.kubernetes.io/component=database</code> or running a known
            database image, and CloudNativePG, Crunchy PGO and Zalando clusters. Add them to the inventory with their Kubernetes refs filled in.
          </p>
        </div>
      </div>
      <DiscoveryManager initial={overview} tab={status} canAdd={roleAllows(ctx.actor.role, 'inventory:write')} />
      <DiscoverySettingsForm initial={overview.settings} canConfigure={roleAllows(ctx.actor.role, 'security:override')} />
    </>
  );
}
